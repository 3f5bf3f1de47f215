import type { Role } from "../domain/access/roles.js";
import { ensureFirstAdmin } from "../server/first-admin.js";
import { ApiClient } from "./api-client.js";
import type { TestServer } from "./test-server.js";
import type { Complaint, Department, SavedView, User } from "./wire.js";

let sequence = 0;
const next = () => ++sequence;
export const PASSWORD = "correct-horse-9";

/** The admin of a fresh test database, signed in. */
export async function signedInAdmin(server: TestServer): Promise<ApiClient> {
  await ensureFirstAdmin(server.db, PASSWORD);
  const admin = new ApiClient(server.api);
  const signIn = await admin.post("/session", { username: "admin", password: PASSWORD });
  if (signIn.status !== 200)
    throw new Error(`admin sign-in failed: ${JSON.stringify(signIn.body)}`);
  return admin;
}

export async function makeDepartment(
  admin: ApiClient,
  overrides: { name?: string; code?: string } = {},
) {
  const n = next();
  const res = await admin.post<Department>("/departments", {
    name: `部门${n}`,
    code: `D${n}`,
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`department: ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Staff {
  user: User;
  client: ApiClient;
}

/** A staff member created through the admin API and signed in through the session API. */
export async function makeStaff(
  admin: ApiClient,
  role: Role,
  overrides: { departmentId?: string; displayName?: string; agentNo?: string } = {},
): Promise<Staff> {
  const n = next();
  const res = await admin.post<User>("/users", {
    username: `${role}${n}`,
    displayName: overrides.displayName ?? `${role}-${n}`,
    agentNo: overrides.agentNo ?? `${8000 + n}`,
    password: PASSWORD,
    role,
    departmentId: overrides.departmentId,
  });
  if (res.status !== 201) throw new Error(`user: ${JSON.stringify(res.body)}`);
  const client = new ApiClient(admin.base);
  const signIn = await client.post("/session", { username: res.body.username, password: PASSWORD });
  if (signIn.status !== 200) throw new Error(`sign-in: ${JSON.stringify(signIn.body)}`);
  return { user: res.body, client };
}

/** A unique mainland mobile number per call. */
export const mobile = () => `139${String(10_000_000 + next() * 7919).slice(-8)}`;

export function complaintInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: "complaint",
    channel: "phone",
    customer: { name: "王女士", phone: mobile() },
    subject: "信用卡两个月未收到",
    description: "客户办理按揭时申请信用卡，两个月未收到卡片，也未收到任何说明。",
    demand: "尽快寄出卡片并说明原因",
    category: "service",
    businessType: "credit_card",
    causes: ["time_delayed", "right_to_know"],
    ...overrides,
  };
}

export async function makeComplaint(
  client: ApiClient,
  overrides: Record<string, unknown> = {},
): Promise<Complaint> {
  const res = await client.post<Complaint>("/complaints", complaintInput(overrides));
  if (res.status !== 201) throw new Error(`complaint: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A saved view of the queue, kept by the caller. */
export async function makeSavedView(client: ApiClient, body: object): Promise<SavedView> {
  const res = await client.post<SavedView>("/saved-views", body);
  if (res.status !== 201) throw new Error(`saved view: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * A returning caller: 张伟 with a complaint (信用卡两个月未收到) and a later inquiry (咨询补卡进度)
 * on record, so intake shows the history and the repeat flag. Returns the first complaint.
 */
export async function makeReturningCustomer(client: ApiClient, phone: string) {
  const first = await makeComplaint(client, {
    customer: { name: "张伟", phone },
    subject: "信用卡两个月未收到",
  });
  await makeComplaint(client, {
    customerId: first.customer.id,
    customer: undefined,
    kind: "inquiry",
    subject: "咨询补卡进度",
  });
  return first;
}
