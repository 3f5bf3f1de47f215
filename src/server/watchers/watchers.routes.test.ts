import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, complaintWatchers } from "../../db/schema.js";
import type { ApiClient } from "../../test/api-client.js";
import { dispatchedComplaint } from "../../test/complaint-kit.js";
import type { Complaint, Problem, Watcher, WatcherList } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => {
  const cards = await w.department({ name: "信用卡中心" });
  const loans = await w.department({ name: "个贷中心" });
  const agent = await w.staff("agent", { displayName: "王芳", agentNo: "1023" });
  const supervisor = await w.staff("supervisor", { displayName: "刘洋", agentNo: "2001" });
  const handler = await w.staff("department_handler", {
    departmentId: cards.id,
    displayName: "李强",
    agentNo: "3005",
  });
  const otherHandler = await w.staff("department_handler", { departmentId: loans.id });
  const complaint = await dispatchedComplaint(agent.client, cards.id);
  return { agent, supervisor, handler, otherHandler, complaint };
});

const watchersPath = () => `/complaints/${world.complaint.id}/watchers`;
const follow = (client: ApiClient) => client.post<WatcherList>(watchersPath());
const unfollow = (client: ApiClient) => client.delete<WatcherList>(`${watchersPath()}/me`);
const detail = async () =>
  (await world.agent.client.get<Complaint>(`/complaints/${world.complaint.id}`)).body;
const watcherRows = () =>
  world.server.db
    .select()
    .from(complaintWatchers)
    .where(eq(complaintWatchers.complaintId, world.complaint.id));

describe("complaint watchers (关注人)", () => {
  it("starts with no watchers on the complaint page", async () => {
    expect((await detail()).watchers).toEqual([]);
  });

  it("follows: the answer and the complaint page list the follower with their agent number", async () => {
    const res = await follow(world.supervisor.client);
    expect(res.status).toBe(200);
    const mine = {
      id: world.supervisor.user.id,
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
    const again = await follow(world.supervisor.client);
    expect(again.status).toBe(200);
    expect(again.body.items).toEqual(first);
    expect(await watcherRows()).toHaveLength(1);
  });

  it("lists watchers in the order they came, with the reason a missed deadline added one", async () => {
    // The SLA sweep's breach action writes such a row; here it is written straight for the test.
    await world.server.db.insert(complaintWatchers).values({
      complaintId: world.complaint.id,
      userId: world.agent.user.id,
      reason: "sla_breached",
    });
    const followed = await follow(world.handler.client);
    expect(followed.status).toBe(200);
    const listed = (items: Watcher[]) => items.map((w) => [w.agentNo, w.name, w.reason]);
    const expected = [
      ["2001", "刘洋", "self"],
      ["1023", "王芳", "sla_breached"],
      ["3005", "李强", "self"],
    ];
    expect(listed(followed.body.items)).toEqual(expected);
    expect(listed((await detail()).watchers)).toEqual(expected);

    // Following a case one already watches for a missed deadline keeps that reason.
    expect(listed((await follow(world.agent.client)).body.items)).toEqual(expected);
  });

  it("unfollows the caller only, and unfollowing twice changes nothing", async () => {
    const res = await unfollow(world.agent.client);
    expect(res.status).toBe(200);
    expect(res.body.items.map((w) => w.agentNo)).toEqual(["2001", "3005"]);
    const again = await unfollow(world.agent.client);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    await unfollow(world.handler.client);
    expect((await detail()).watchers.map((w) => w.agentNo)).toEqual(["2001"]);
  });

  it("writes an audit row per change, no timeline event, and leaves the case's version", async () => {
    const audit = await world.server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, world.complaint.id))
      .orderBy(auditLog.id);
    expect(audit.map((a) => [a.action, a.entity, a.actorAgentNo, a.data])).toEqual([
      ["watch", "complaint_watchers", "2001", { reason: "self" }],
      ["watch", "complaint_watchers", "3005", { reason: "self" }],
      ["unwatch", "complaint_watchers", "1023", { reason: "sla_breached" }],
      ["unwatch", "complaint_watchers", "3005", { reason: "self" }],
    ]);
    const after = await detail();
    expect(after.version).toBe(world.complaint.version);
    expect(after.timeline.map((e) => e.type)).toEqual(world.complaint.timeline.map((e) => e.type));
  });

  it("answers another department's handler 404, as for the complaint itself, in their language", async () => {
    const seen = await world.otherHandler.client.get<Complaint>(
      `/complaints/${world.complaint.id}`,
    );
    expect(seen.status).toBe(404);
    for (const res of [
      await follow(world.otherHandler.client),
      await unfollow(world.otherHandler.client),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: "not_found", title: "未找到工单。" });
    }
    world.otherHandler.client.language = "en";
    try {
      const en = await follow(world.otherHandler.client);
      expect(en.status).toBe(404);
      expect((en.body as unknown as Problem).title).toBe("Complaint not found.");
    } finally {
      world.otherHandler.client.language = "zh-CN";
    }
    expect((await watcherRows()).map((w) => w.userId)).toEqual([world.supervisor.user.id]);
  });

  it("answers 404 for a complaint that does not exist", async () => {
    const res = await world.supervisor.client.post(
      "/complaints/00000000-0000-4000-8000-000000000000/watchers",
    );
    expect(res.status).toBe(404);
  });
});
