import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, complaintWatchers } from "../../db/schema.js";
import type { ApiClient } from "../../test/api-client.js";
import {
  makeComplaint,
  makeDepartment,
  makeStaff,
  type Staff,
  signedInAdmin,
} from "../../test/factories.js";
import { startTestServer, type TestServer } from "../../test/test-server.js";

let server: TestServer;
let admin: ApiClient;
let agent: Staff;
let supervisor: Staff;
let handler: Staff;
let otherHandler: Staff;
let complaint: any;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedInAdmin(server);
  const cards = await makeDepartment(admin, { name: "信用卡中心" });
  const loans = await makeDepartment(admin, { name: "个贷中心" });
  agent = await makeStaff(admin, "agent", { displayName: "王芳", agentNo: "1023" });
  supervisor = await makeStaff(admin, "supervisor", { displayName: "刘洋", agentNo: "2001" });
  handler = await makeStaff(admin, "department_handler", {
    departmentId: cards.id,
    displayName: "李强",
    agentNo: "3005",
  });
  otherHandler = await makeStaff(admin, "department_handler", { departmentId: loans.id });
  const created = await makeComplaint(agent.client);
  const dispatched = await agent.client.post(`/complaints/${created.id}/dispatch`, {
    version: created.version,
    departments: [{ departmentId: cards.id }],
  });
  if (dispatched.status !== 200) throw new Error(JSON.stringify(dispatched.body));
  complaint = dispatched.body;
});
afterAll(() => server.close());

const watchersPath = () => `/complaints/${complaint.id}/watchers`;
const follow = (client: ApiClient) => client.post(watchersPath());
const unfollow = (client: ApiClient) => client.delete(`${watchersPath()}/me`);
const detail = async () => (await agent.client.get(`/complaints/${complaint.id}`)).body;
const watcherRows = () =>
  server.db.select().from(complaintWatchers).where(eq(complaintWatchers.complaintId, complaint.id));

describe("complaint watchers (关注人)", () => {
  it("starts with no watchers on the complaint page", async () => {
    expect((await detail()).watchers).toEqual([]);
  });

  it("follows: the answer and the complaint page list the follower with their agent number", async () => {
    const res = await follow(supervisor.client);
    expect(res.status).toBe(200);
    const mine = {
      id: supervisor.user.id,
      agentNo: "2001",
      name: "刘洋",
      reason: "self",
      addedAt: expect.any(String),
    };
    expect(res.body).toEqual({ items: [mine] });
    expect((await detail()).watchers).toEqual([mine]);
  });

  it("answers the same when followed twice, and keeps one row", async () => {
    const first = (await detail()).watchers;
    const again = await follow(supervisor.client);
    expect(again.status).toBe(200);
    expect(again.body.items).toEqual(first);
    expect(await watcherRows()).toHaveLength(1);
  });

  it("lists watchers in the order they came, with the reason a missed deadline added one", async () => {
    // The SLA sweep's breach action writes such a row; here it is written straight for the test.
    await server.db
      .insert(complaintWatchers)
      .values({ complaintId: complaint.id, userId: agent.user.id, reason: "sla_breached" });
    const followed = await follow(handler.client);
    expect(followed.status).toBe(200);
    const listed = (items: any[]) => items.map((w) => [w.agentNo, w.name, w.reason]);
    const expected = [
      ["2001", "刘洋", "self"],
      ["1023", "王芳", "sla_breached"],
      ["3005", "李强", "self"],
    ];
    expect(listed(followed.body.items)).toEqual(expected);
    expect(listed((await detail()).watchers)).toEqual(expected);

    // Following a case one already watches for a missed deadline keeps that reason.
    expect(listed((await follow(agent.client)).body.items)).toEqual(expected);
  });

  it("unfollows the caller only, and unfollowing twice changes nothing", async () => {
    const res = await unfollow(agent.client);
    expect(res.status).toBe(200);
    expect(res.body.items.map((w: any) => w.agentNo)).toEqual(["2001", "3005"]);
    const again = await unfollow(agent.client);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    await unfollow(handler.client);
    expect((await detail()).watchers.map((w: any) => w.agentNo)).toEqual(["2001"]);
  });

  it("writes an audit row per change, no timeline event, and leaves the case's version", async () => {
    const audit = await server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, complaint.id))
      .orderBy(auditLog.id);
    expect(audit.map((a) => [a.action, a.entity, a.actorAgentNo, a.data])).toEqual([
      ["watch", "complaint_watchers", "2001", { reason: "self" }],
      ["watch", "complaint_watchers", "3005", { reason: "self" }],
      ["unwatch", "complaint_watchers", "1023", { reason: "sla_breached" }],
      ["unwatch", "complaint_watchers", "3005", { reason: "self" }],
    ]);
    const after = await detail();
    expect(after.version).toBe(complaint.version);
    expect(after.timeline.map((e: any) => e.type)).toEqual(
      complaint.timeline.map((e: any) => e.type),
    );
  });

  it("answers another department's handler 404, as for the complaint itself, in their language", async () => {
    const seen = await otherHandler.client.get(`/complaints/${complaint.id}`);
    expect(seen.status).toBe(404);
    for (const res of [await follow(otherHandler.client), await unfollow(otherHandler.client)]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: "not_found", title: "未找到工单。" });
    }
    otherHandler.client.language = "en";
    try {
      const en = await follow(otherHandler.client);
      expect(en.status).toBe(404);
      expect(en.body.title).toBe("Complaint not found.");
    } finally {
      otherHandler.client.language = "zh-CN";
    }
    expect((await watcherRows()).map((w) => w.userId)).toEqual([supervisor.user.id]);
  });

  it("answers 404 for a complaint that does not exist", async () => {
    const res = await supervisor.client.post(
      "/complaints/00000000-0000-4000-8000-000000000000/watchers",
    );
    expect(res.status).toBe(404);
  });
});
