import { describe, expect, it } from "vitest";
import { closeWithFinding, extensionAsked } from "../../test/complaint-kit.js";
import { makeComplaint } from "../../test/factories.js";
import { DAY, HOUR, later, sweepAt } from "../../test/sweep-at.js";
import type { Complaint, NotificationList } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent"),
  supervisor: await w.staff("supervisor"),
}));

const detail = async (id: string) =>
  (await world.agent.client.get<Complaint>(`/complaints/${id}`)).body;
const notice = (body: Complaint) => body.clocks.find((k) => k.name === "extensionNotice")!;
const breachedClocks = (body: Complaint) =>
  body.timeline.filter((e) => e.type === "sla_breached").map((e) => e.data.clock);

/** A case of the agent's with an extension of ten days asked for; returns it and the request. */
async function askedByAgent() {
  const { c, asked, newDueAt } = await extensionAsked(world.agent);
  expect(asked.status).toBe(201);
  return { c, requestId: asked.body.id as string, newDueAt };
}
const approve = async (requestId: string) =>
  (await world.supervisor.client.post(`/extension-requests/${requestId}/approve`, {})).body;

describe("telling the customer of an approved extension (延期告知)", () => {
  it("starts a notice clock on approval, due within a working day when the policy sets no first response", async () => {
    const { c, requestId, newDueAt } = await askedByAgent();
    expect(notice(c)).toBeUndefined();
    const approved = await approve(requestId);
    expect(approved.dueAt).toBe(newDueAt);
    expect(notice(approved)).toMatchObject({ stopped: false, breached: false, paused: false });
    const dueAt = new Date(notice(approved).dueAt).getTime();
    // One working day: by the end of the next working day, never sooner than tomorrow's start.
    expect(dueAt).toBeGreaterThan(Date.now() + HOUR);
    expect(dueAt).toBeLessThan(Date.now() + 12 * DAY);
    expect(approved.timeline.at(-1)).toMatchObject({
      type: "extension_approved",
      data: { newDueAt, noticeDueAt: notice(approved).dueAt },
    });
  });

  it("breaches like any clock when nobody tells the customer, once, and stops when they are called", async () => {
    const { c, requestId } = await askedByAgent();
    await approve(requestId);
    await sweepAt(world.server.db, later(12 * DAY));
    await sweepAt(world.server.db, later(13 * DAY));
    const missed = await detail(c.id);
    // The reply clock now runs to the extended date; only the notice is missed.
    expect(breachedClocks(missed)).toEqual(["extensionNotice"]);
    expect(notice(missed)).toMatchObject({ breached: true, stopped: false });
    const bell = (
      await world.agent.client.get<NotificationList>("/notifications")
    ).body.items.filter((n) => n.complaintId === c.id);
    expect(bell.map((n) => n.type)).toContain("sla_breached");

    await world.agent.client.post<Complaint>(`/complaints/${c.id}/contact`, {
      direction: "outbound",
      channel: "phone",
      summary: "已电话告知客户延期至新日期",
    });
    expect(notice(await detail(c.id))).toMatchObject({ stopped: true, breached: true });
  });

  it("is kept by the reply to the customer: nothing is missed later", async () => {
    const { c, requestId } = await askedByAgent();
    const approved = await approve(requestId);
    const replied = (
      await world.agent.client.post(`/complaints/${c.id}/reply`, {
        version: approved.version,
        message: "已延期处理，结果将于新日期前答复。",
      })
    ).body;
    expect(notice(replied)).toMatchObject({ stopped: true, breached: false });
    await sweepAt(world.server.db, later(30 * DAY));
    expect(breachedClocks(await detail(c.id))).toEqual([]);
  });

  it("keeps its time while the case's deadlines are paused", async () => {
    const { c, requestId } = await askedByAgent();
    await approve(requestId);
    const paused = (
      await world.agent.client.post<Complaint>(`/complaints/${c.id}/pause`, {
        reason: "等待第三方鉴定结果",
      })
    ).body;
    expect(paused.clocks.find((k) => k.name === "customerReply")?.paused).toBe(true);
    expect(notice(paused).paused).toBe(false);
  });

  it("blocks closing the case until the customer has been told", async () => {
    const { c, requestId } = await askedByAgent();
    // Replied while the request waited; the approval comes after, so the customer must hear again.
    await world.agent.client.post(`/complaints/${c.id}/reply`, {
      version: c.version,
      message: "初步答复。",
    });
    const approved = await approve(requestId);
    expect(approved.status).toBe("replied");
    expect(notice(approved).stopped).toBe(false);
    // The page does not offer what the server would refuse.
    const offered = await world.agent.client.get<Complaint>(`/complaints/${c.id}`);
    expect(offered.body.allowedActions).not.toContain("close");

    const refused = await world.agent.client.post(`/complaints/${c.id}/close`, {
      version: approved.version,
      reason: "resolved",
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: "bad_request" });
    expect(refused.body.title).toContain("尚未告知客户");
    world.agent.client.language = "en";
    const inEnglish = await world.agent.client.post(`/complaints/${c.id}/close`, {
      version: approved.version,
      reason: "resolved",
    });
    world.agent.client.language = "zh-CN";
    expect(inEnglish.body.title).toContain("not yet been told of the approved extension");

    // The customer calls in and is told during the call.
    await world.agent.client.post<Complaint>(`/complaints/${c.id}/contact`, {
      direction: "inbound",
      channel: "phone",
      summary: "客户来电，已告知延期",
    });
    const told = await world.agent.client.get<Complaint>(`/complaints/${c.id}`);
    expect(told.body.allowedActions).toContain("close");
    const closed = await closeWithFinding(world.agent.client, approved, "resolved");
    expect(closed.status).toBe("closed");
  });

  it("takes the policy's first-response target when it has one", async () => {
    await world.server.db.$client.query(
      `insert into sla_policies (id, name, sort_order, match, targets, warn_at_share, extension)
       values ('test-notice', '首响 4 小时', 1, '{"categories":["billing"]}',
         '{"firstResponse":{"amount":4,"unit":"hours"},"customerReply":{"amount":7,"unit":"calendar_days"}}',
         0.75, '{"max":{"amount":30,"unit":"calendar_days"},"approver":"supervisor"}')`,
    );
    try {
      const c = await makeComplaint(world.agent.client, {
        ownerId: world.agent.user.id,
        category: "billing",
      });
      const asked = await world.agent.client.post(`/complaints/${c.id}/extension-requests`, {
        newDueAt: new Date(new Date(c.dueAt!).getTime() + 7 * DAY).toISOString(),
        reason: "需调取外部鉴定",
      });
      const before = Date.now();
      const approved = await approve(asked.body.id);
      const dueAt = new Date(notice(approved).dueAt).getTime();
      expect(dueAt).toBeGreaterThanOrEqual(before + 4 * HOUR);
      expect(dueAt).toBeLessThan(Date.now() + 4 * HOUR);
    } finally {
      await world.server.db.$client.query("delete from sla_policies where id = 'test-notice'");
    }
  });
});
