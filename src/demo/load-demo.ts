// Loads the demo through the real HTTP routes (in-process), signed in as each demo person, so
// every rule, timeline entry, agent number and audit row is what production would have written.

import { inArray, or } from "drizzle-orm";
import { departments, users } from "../db/schema.js";
import { type ComplaintStatus, finishedStatuses } from "../domain/complaint/complaint-lifecycle.js";
import type { ComplaintDto } from "../server/complaints/complaint.schemas.js";
import { AppError } from "../server/http/app-error.js";
import type { App } from "../server/http/app-types.js";
import { createUser } from "../server/staff/commands/create-user.js";
import { type DemoOptions, generateDemo } from "./demo-content.js";
import type { ComplaintPlan, DemoIntake, DemoStep } from "./demo-plan.js";
import { loadDemoQualityCases } from "./demo-quality-cases.js";
import { tellRecoveryStories } from "./demo-recovery.js";
import {
  DEMO_PASSWORD,
  type DemoUser,
  demoAdmin,
  demoDepartments,
  demoStaff,
} from "./demo-staff.js";
import { stepTimes } from "./demo-timing.js";
import { receiptTimes } from "./intake-rhythm.js";
import { redateHistory, type TimeAnchor } from "./redate-history.js";
import { seededRandom } from "./seeded-random.js";

export interface LoadDemoOptions extends DemoOptions {
  /** Customers worked on at once; each customer's own complaints stay in order. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoResult {
  byStatus: Partial<Record<ComplaintStatus, number>>;
  complaints: number;
  customers: number;
  requests: number;
  staff: readonly DemoUser[];
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A demo person signed in: every request of theirs carries this cookie. */
interface Session {
  userId: string;
  cookie: string;
}

interface Loader {
  app: App;
  sessions: Map<string, Session>;
  departmentIds: Map<string, string>;
  /** Plan ref → complaint id, for merges. */
  complaintIds: Map<string, string>;
  requests: number;
  /** Each case's requests, really and as planned: redate-history.ts moves them to the plan's year. */
  anchors: TimeAnchor[];
}

/** When a plan's case is received and each of its steps happens. */
interface PlanTimes {
  receivedAt: Date;
  steps: Date[];
}

const HOUR = 3_600_000;

/** A failed demo request means the plan broke a rule: a bug worth a precise message. */
class DemoRequestError extends Error {}

async function call<T = ComplaintDto>(
  loader: Loader,
  session: Session | null,
  method: Method,
  url: string,
  payload?: object,
): Promise<T> {
  loader.requests++;
  const res = await loader.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: session ? { cookie: `kesu_session=${session.cookie}` } : {},
    ...(payload && { payload }),
  });
  if (res.statusCode >= 300)
    throw new DemoRequestError(`demo: ${method} ${url} → ${res.statusCode} ${res.body}`);
  return (res.body ? res.json() : undefined) as T;
}

async function signIn(loader: Loader, username: string): Promise<string> {
  loader.requests++;
  const res = await loader.app.inject({
    method: "POST",
    url: "/api/v1/session",
    payload: { username, password: DEMO_PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === "kesu_session")?.value;
  if (res.statusCode !== 200 || !cookie)
    throw new DemoRequestError(`demo: sign-in of ${username} → ${res.statusCode} ${res.body}`);
  return cookie;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The demo's departments or people already there: loading twice would duplicate everything. */
async function refuseSecondLoad(app: App) {
  const codes = demoDepartments.map((d) => d.code);
  const found = await app.db
    .select({ code: departments.code })
    .from(departments)
    .where(inArray(departments.code, codes));
  if (found.length > 0) throw new AppError("demo_already_loaded", { code: found[0]!.code });
  const people = [demoAdmin, ...demoStaff];
  const taken = await app.db
    .select({ username: users.username, agentNo: users.agentNo })
    .from(users)
    .where(
      or(
        inArray(
          users.username,
          people.map((p) => p.username),
        ),
        inArray(
          users.agentNo,
          people.map((p) => p.agentNo),
        ),
      ),
    );
  if (taken.length > 0) {
    const list = taken.map((t) => `${t.username}/${t.agentNo}`).join(", ");
    throw new AppError("demo_accounts_taken", { list });
  }
}

/** The admin is written straight to the database (with its audit row): the API needs one first. */
async function setUpStaff(loader: Loader) {
  const { department: _none, ...account } = demoAdmin;
  const admin = await createUser({
    db: loader.app.db,
    caller: null,
    body: { ...account, password: DEMO_PASSWORD },
  });
  const adminSession = { userId: admin.id, cookie: await signIn(loader, admin.username) };
  loader.sessions.set(admin.username, adminSession);
  for (const department of demoDepartments) {
    const created = await call<{ id: string }>(
      loader,
      adminSession,
      "POST",
      "/departments",
      department,
    );
    loader.departmentIds.set(department.code, created.id);
  }
  // Argon2 hashing dominates here; a few at a time keep the machine's cores busy.
  await inParallel(demoStaff, 4, async (person) => {
    const created = await call<{ id: string }>(loader, adminSession, "POST", "/users", {
      username: person.username,
      displayName: person.displayName,
      agentNo: person.agentNo,
      role: person.role,
      departmentId: person.department ? departmentId(loader, person.department) : null,
      password: DEMO_PASSWORD,
    });
    loader.sessions.set(person.username, {
      userId: created.id,
      cookie: await signIn(loader, person.username),
    });
  });
}

function sessionOf(loader: Loader, username: string): Session {
  const session = loader.sessions.get(username);
  if (!session) throw new DemoRequestError(`demo: no demo user ${username}`);
  return session;
}

function departmentId(loader: Loader, code: string): string {
  const id = loader.departmentIds.get(code);
  if (!id) throw new DemoRequestError(`demo: no demo department ${code}`);
  return id;
}

function createBody(loader: Loader, plan: ComplaintPlan) {
  const { transfer, ...fields }: DemoIntake = plan.intake.complaint;
  return {
    ...fields,
    customer: plan.customer,
    source: transfer
      ? {
          type: "transfer",
          hotline: transfer.hotline,
          externalNo: transfer.externalNo,
          externalDueAt: new Date(Date.now() + transfer.dueInDays * 24 * HOUR).toISOString(),
        }
      : { type: "direct" },
    ...(plan.intake.own && { ownerId: sessionOf(loader, plan.intake.by).userId }),
  };
}

/** The department's work order still waiting on it in the current round. */
function activeWorkOrder(loader: Loader, detail: ComplaintDto, code: string): string {
  const id = departmentId(loader, code);
  const order = detail.workOrders
    .filter((o) => o.departmentId === id && (o.status === "pending" || o.status === "accepted"))
    .at(-1);
  if (!order)
    throw new DemoRequestError(`demo: ${detail.number} has no open work order for ${code}`);
  return order.id;
}

/** One plan step as the request a person would make in the UI. */
function stepRequest(
  loader: Loader,
  detail: ComplaintDto,
  step: DemoStep,
): [method: Method, url: string, payload: object] {
  const at = `/complaints/${detail.id}`;
  const version = detail.version;
  switch (step.do) {
    case "assign":
      return ["POST", `${at}/assign`, { version, ownerId: sessionOf(loader, step.owner).userId }];
    case "update":
      return ["PATCH", at, { version, ...step.changes }];
    case "dispatch":
      return [
        "POST",
        `${at}/dispatch`,
        {
          version,
          departments: step.departments.map((d) => ({
            departmentId: departmentId(loader, d.code),
            ...(d.lead && { lead: true }),
          })),
          ...(step.instructions && { instructions: step.instructions }),
        },
      ];
    case "accept":
    case "return":
    case "result": {
      const { by: _by, do: command, department, ...body } = step;
      return [
        "POST",
        `/work-orders/${activeWorkOrder(loader, detail, department)}/${command}`,
        body,
      ];
    }
    case "merge": {
      const intoId = loader.complaintIds.get(step.into);
      if (!intoId) throw new DemoRequestError(`demo: merge target ${step.into} not loaded yet`);
      return ["POST", `${at}/merge`, { version, intoId }];
    }
    case "callback":
      return [
        "POST",
        `${at}/callback`,
        { dueAt: new Date(Date.now() + step.dueInHours * HOUR).toISOString(), note: step.note },
      ];
    case "note":
    case "contact": {
      const { by: _by, do: command, ...body } = step;
      return ["POST", `${at}/${command}`, body];
    }
    default: {
      const { by: _by, do: command, ...body } = step;
      return ["POST", `${at}/${command}`, { version, ...body }];
    }
  }
}

async function runPlan(
  loader: Loader,
  plan: ComplaintPlan,
  times: PlanTimes,
): Promise<ComplaintDto> {
  const received = new Date();
  let detail = await call(
    loader,
    sessionOf(loader, plan.intake.by),
    "POST",
    "/complaints",
    createBody(loader, plan),
  );
  loader.complaintIds.set(plan.ref, detail.id);
  const anchor = (realAt: Date, plannedAt: Date) =>
    loader.anchors.push({ complaintId: detail.id, realAt, plannedAt });
  anchor(received, times.receivedAt);
  for (const [i, step] of plan.steps.entries()) {
    const [method, url, payload] = stepRequest(loader, detail, step);
    anchor(new Date(), times.steps[i]!);
    detail = await call(loader, sessionOf(loader, step.by), method, url, payload);
  }
  if (detail.status !== plan.expected)
    throw new DemoRequestError(
      `demo: ${detail.number} (${plan.ref}) ended ${detail.status}, planned ${plan.expected}`,
    );
  return detail;
}

/** Plans of one customer, in order: repeat flags and merges depend on what came first. */
function byCustomer(plans: readonly ComplaintPlan[]): ComplaintPlan[][] {
  const groups = new Map<string, ComplaintPlan[]>();
  for (const plan of plans) {
    const group = groups.get(plan.customer.phone) ?? [];
    group.push(plan);
    groups.set(plan.customer.phone, group);
  }
  return [...groups.values()];
}

/** How far back a case still open was received: it is today's work, not last year's. */
const OPEN_WITHIN_DAYS = 21;

/**
 * A year of receipts in the intake rhythm: the newest go to the cases still open, and each
 * customer's cases keep their order (repeat flags and merges follow from it).
 */
function planTimes(plans: readonly ComplaintPlan[], seed: number, now: Date) {
  const rng = seededRandom(seed ^ 0x5eed);
  const open = plans.filter((p) => !finishedStatuses.includes(p.expected));
  const recent = receiptTimes(rng, open.length, now, OPEN_WITHIN_DAYS);
  const older = receiptTimes(rng, plans.length - open.length, now);
  const receipts = new Map<ComplaintPlan, Date>([
    ...open.map((p, i) => [p, recent[i]!] as const),
    ...plans
      .filter((p) => finishedStatuses.includes(p.expected))
      .map((p, i) => [p, older[i]!] as const),
  ]);
  const times = new Map<ComplaintPlan, PlanTimes>();
  for (const group of byCustomer(plans)) {
    const dates = group.map((p) => receipts.get(p)!).sort((a, b) => a.getTime() - b.getTime());
    group.forEach((plan, i) => {
      const receivedAt = dates[i]!;
      times.set(plan, { receivedAt, steps: stepTimes(rng, plan.steps, receivedAt, now) });
    });
  }
  return times;
}

/**
 * Loads demo departments, staff and complaints into the app's database through its API.
 * Refuses when the demo is already there.
 */
export async function loadDemo(app: App, options: LoadDemoOptions): Promise<DemoResult> {
  await refuseSecondLoad(app);
  const loader: Loader = {
    app,
    sessions: new Map(),
    departmentIds: new Map(),
    complaintIds: new Map(),
    requests: 0,
    anchors: [],
  };
  await setUpStaff(loader);
  const plans = generateDemo(options);
  const times = planTimes(plans, options.seed, new Date());
  const byStatus: Partial<Record<ComplaintStatus, number>> = {};
  let done = 0;
  await inParallel(byCustomer(plans), options.concurrency ?? 6, async (group) => {
    for (const plan of group) {
      const detail = await runPlan(loader, plan, times.get(plan)!);
      byStatus[detail.status] = (byStatus[detail.status] ?? 0) + 1;
      options.onProgress?.(++done, plans.length);
    }
  });
  await tellRecoveryStories(
    (by, m, url, body) => call(loader, sessionOf(loader, by), m, url, body),
    loader.complaintIds,
  );
  await loadDemoQualityCases((by, ...request) => call(loader, sessionOf(loader, by), ...request));
  await redateHistory(app.db, loader.anchors, app.config.KESU_TIMEZONE);
  // The demo's own sign-ins are not anyone's sessions; end them like a sign-out would.
  for (const session of loader.sessions.values()) await call(loader, session, "DELETE", "/session");
  return {
    byStatus,
    complaints: plans.length,
    customers: new Set(plans.map((p) => p.customer.phone)).size,
    requests: loader.requests,
    staff: [demoAdmin, ...demoStaff],
  };
}
