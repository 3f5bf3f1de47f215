import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { timelineEvents } from "../../db/schema.js";
import {
  endOfShanghaiDayAfter,
  expectUnknownChannel,
  getComplaint as get,
  eventTypes as types,
} from "../../test/complaint-kit.js";
import { makeComplaint } from "../../test/factories.js";
import { agentsAndSupervisors } from "../../test/staffings.js";
import type { Complaint } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(agentsAndSupervisors);

describe("merging a repeat into its parent", () => {
  it("closes the child as merged, flags the parent as a repeat and keeps both histories", async () => {
    const department = await world.department();
    const parent = await makeComplaint(world.agent.client, { subject: "同一笔扣款（首次来电）" });
    let child = await makeComplaint(world.otherAgent.client, { subject: "同一笔扣款（家属来电）" });
    child = (
      await world.supervisor.client.post<Complaint>(`/complaints/${child.id}/dispatch`, {
        version: child.version,
        departments: [{ departmentId: department.id }],
      })
    ).body;

    const res = await world.supervisor.client.post<Complaint>(`/complaints/${child.id}/merge`, {
      version: child.version,
      intoId: parent.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "merged",
      mergedIntoId: parent.id,
      closeReason: "merged",
    });
    expect(res.body.closedAt).not.toBeNull();
    expect(res.body.flags).toContain("merged");
    expect(res.body.workOrders.map((o) => o.status)).toEqual(["cancelled"]);
    expect(types(res.body)).toEqual(["created", "assigned", "dispatched", "merged"]);
    expect(res.body.timeline.at(-1)?.data).toEqual({
      intoId: parent.id,
      intoNumber: parent.number,
    });

    const after = await get(world.admin, parent.id);
    expect(after.flags).toContain("repeat");
    expect(after.version).toBe(parent.version + 1);
    expect(types(after)).toEqual(["created", "merge_received"]);
    expect(after.timeline[0]).toEqual(parent.timeline[0]);
    expect(after.timeline[1]).toMatchObject({
      actor: { agentNo: world.supervisor.user.agentNo },
      data: { fromId: child.id, fromNumber: child.number, by: world.supervisor.user.agentNo },
    });
  });

  it("refuses to merge a complaint into itself", async () => {
    const c = await makeComplaint(world.agent.client);
    const res = await world.agent.client.post(`/complaints/${c.id}/merge`, {
      version: c.version,
      intoId: c.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("bad_request");
    expect(await get(world.admin, c.id)).toMatchObject({ status: "received", version: c.version });
  });

  it("answers 404 when the parent does not exist", async () => {
    const c = await makeComplaint(world.agent.client);
    const res = await world.agent.client.post<Complaint>(`/complaints/${c.id}/merge`, {
      version: c.version,
      intoId: randomUUID(),
    });
    expect(res.status).toBe(404);
    expect((await get(world.admin, c.id)).status).toBe("received");
  });
});

describe("upgrading an inquiry", () => {
  it("turns it into a complaint on the same case, keeping the timeline and moving the deadline", async () => {
    // An inquiry policy ahead of the bank's: 2 days, then the complaint's 15 after the upgrade.
    await world.server.db.$client.query(
      `insert into sla_policies (id, name, sort_order, match, targets, warn_at_share)
       values ('test-inquiry', '咨询 2 日', 0, '{"kinds":["inquiry"]}', '{"customerReply":{"amount":2,"unit":"calendar_days"}}', 0.75)`,
    );
    const inquiry = await makeComplaint(world.agent.client, { kind: "inquiry" });
    await world.server.db.$client.query("delete from sla_policies where id = 'test-inquiry'");
    expect(inquiry.dueAt).toBe(endOfShanghaiDayAfter(inquiry.receivedAt, 2));
    const res = await world.agent.client.post<Complaint>(`/complaints/${inquiry.id}/upgrade`, {
      version: inquiry.version,
      reason: "客户要求正式投诉",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: inquiry.id, number: inquiry.number, kind: "complaint" });
    expect(res.body.dueAt).toBe(endOfShanghaiDayAfter(res.body.receivedAt, 15));
    expect(res.body.clocks.filter((k) => k.name === "customerReply").map((k) => k.stopped)).toEqual(
      [true, false],
    );
    expect(res.body.timeline[0]).toEqual(inquiry.timeline[0]);
    expect(res.body.timeline.at(-1)).toMatchObject({
      type: "upgraded",
      actor: { agentNo: world.agent.user.agentNo },
      data: { from: "inquiry", to: "complaint", reason: "客户要求正式投诉" },
    });
    const again = await world.agent.client.post(`/complaints/${inquiry.id}/upgrade`, {
      version: res.body.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("invalid_transition");
  });
});

describe("callback promises", () => {
  it("refuses a callback due in the past", async () => {
    const c = await makeComplaint(world.agent.client);
    const res = await world.agent.client.post(`/complaints/${c.id}/callback`, {
      dueAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: "body.dueAt",
        code: "date_out_of_range",
        message: expect.stringMatching(/^日期须在现在至 \d{4}-\d{2}-\d{2} 之间$/),
      }),
    ]);
    expect((await get(world.admin, c.id)).callbacks).toEqual([]);
  });

  it("keeps the promise on the next outbound contact, not on an inbound one", async () => {
    const c = await makeComplaint(world.agent.client);
    const dueAt = new Date(Date.now() + 3_600_000).toISOString();
    const promised = await world.agent.client.post(`/complaints/${c.id}/callback`, {
      dueAt,
      note: "一小时内回电",
    });
    expect(promised.body.callbacks).toEqual([
      expect.objectContaining({ dueAt, status: "open", doneAt: null }),
    ]);
    const callbackId = promised.body.callbacks[0].id;

    const inbound = await world.agent.client.post(`/complaints/${c.id}/contact`, {
      direction: "inbound",
      channel: "phone",
      summary: "客户来电催促",
    });
    expect(inbound.body.callbacks[0].status).toBe("open");

    const outbound = await world.otherAgent.client.post(`/complaints/${c.id}/contact`, {
      direction: "outbound",
      channel: "phone",
      summary: "回电告知卡片已寄出",
    });
    expect(outbound.status).toBe(200);
    expect(outbound.body.callbacks).toEqual([
      expect.objectContaining({ id: callbackId, status: "done" }),
    ]);
    expect(outbound.body.callbacks[0].doneAt).not.toBeNull();
    // The intake, the call in and this call back: the third contact, 事不过三 (third-contact.test.ts).
    expect(outbound.body.timeline.slice(-3)).toEqual([
      expect.objectContaining({
        type: "contact",
        actor: expect.objectContaining({ agentNo: world.otherAgent.user.agentNo }),
        data: expect.objectContaining({ direction: "outbound", summary: "回电告知卡片已寄出" }),
      }),
      expect.objectContaining({ type: "callback_done", data: { callbackId, dueAt } }),
      expect.objectContaining({ type: "third_contact" }),
    ]);
    const customer = (await world.agent.client.get(`/customers/${c.customer.id}`)).body;
    expect(customer.openCallbacks).toEqual([]);
  });
});

describe("contacts on the case", () => {
  it("refuses a channel that is not on the channel list, as intake does, and logs nothing", async () => {
    const c = await makeComplaint(world.agent.client);
    const body = { direction: "inbound", channel: "pigeon", summary: "飞鸽传书" };
    const res = await world.agent.client.post(`/complaints/${c.id}/contact`, body);
    await expectUnknownChannel(world.agent.client, res);
    const after = await get(world.admin, c.id);
    expect(types(after)).toEqual(types(c));
  });
});

describe("withdrawing", () => {
  it("cancels the departments' active work orders", async () => {
    const [a, b] = [await world.department(), await world.department()];
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const dispatched = (
      await world.agent.client.post(`/complaints/${c.id}/dispatch`, {
        version: c.version,
        departments: [{ departmentId: a.id, lead: true }, { departmentId: b.id }],
      })
    ).body;
    await world.admin.post(`/work-orders/${dispatched.workOrders[0].id}/accept`, {});
    const current = await get(world.agent.client, c.id);

    const res = await world.agent.client.post<Complaint>(`/complaints/${c.id}/withdraw`, {
      version: current.version,
      reason: "客户已与网点协商解决",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "withdrawn", closeReason: "withdrawn" });
    expect(res.body.workOrders.map((o) => o.status)).toEqual(["cancelled", "cancelled"]);
    expect(res.body.timeline.at(-1)).toMatchObject({
      type: "withdrawn",
      actor: { agentNo: world.agent.user.agentNo },
      data: { reason: "客户已与网点协商解决" },
    });
    const late = await world.admin.post(`/work-orders/${dispatched.workOrders[1].id}/accept`, {});
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("invalid_transition");
  });
});

describe("the timeline", () => {
  it("is append-only: the database refuses to update or delete its rows", async () => {
    const c = await makeComplaint(world.agent.client);
    const attempts = [
      sql`update ${timelineEvents} set type = 'forged' where complaint_id = ${c.id}`,
      sql`delete from ${timelineEvents} where complaint_id = ${c.id}`,
    ];
    for (const attempt of attempts) {
      const failure = await world.server.db.execute(attempt).then(
        () => null,
        (e: Error & { cause?: Error }) => e,
      );
      expect(failure).not.toBeNull();
      expect(String(failure?.cause?.message ?? failure?.message)).toMatch(/append-only/);
    }
    expect((await get(world.admin, c.id)).timeline).toEqual(c.timeline);
  });
});
