import { describe, expect, it } from "vitest";
import type { ApiClient } from "../../test/api-client.js";
import { extensionAsked } from "../../test/complaint-kit.js";
import { makeComplaint } from "../../test/factories.js";
import { DAY, HOUR, later, sweepAt } from "../../test/sweep-at.js";
import type { Complaint, ExtensionRequest, Items, NotificationList } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent"),
  supervisor: await w.staff("supervisor"),
}));

const eventsOf = async (client: ApiClient, id: string, type: string) =>
  (await client.get<Complaint>(`/complaints/${id}`)).body.timeline.filter((e) => e.type === type);

describe("statutory clocks on a complaint (bank policy: reply within 15 days)", () => {
  it("starts the reply clock at receipt and shows it with its time left", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    expect(c.clocks).toEqual([
      expect.objectContaining({
        name: "customerReply",
        dueAt: c.dueAt,
        stopped: false,
        breached: false,
        paused: false,
      }),
    ]);
    expect(c.clocks[0]!.remainingMs).toBeGreaterThan(14 * DAY);
    expect(c.clocks[0]!.elapsedShare).toBeLessThan(0.01);
  });

  it("warns at 75% and breaches at the deadline, each exactly once, notifying owner and supervisor", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    await sweepAt(world.server.db, later(11 * DAY));
    expect(await eventsOf(world.agent.client, c.id, "sla_warning")).toEqual([]);
    await sweepAt(world.server.db, later(12 * DAY));
    await sweepAt(world.server.db, later(12 * DAY + HOUR));
    const warnings = await eventsOf(world.agent.client, c.id, "sla_warning");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      actor: { id: null, agentNo: null },
      data: { clock: "customerReply", dueAt: c.dueAt },
    });

    await sweepAt(world.server.db, later(16 * DAY));
    await sweepAt(world.server.db, later(17 * DAY));
    const after = (await world.agent.client.get<Complaint>(`/complaints/${c.id}`)).body;
    expect(after.timeline.filter((e) => e.type === "sla_breached")).toHaveLength(1);
    expect(after.clocks[0]).toMatchObject({ breached: true });
    // The bank policy's breach action: the case's severity goes up one level.
    expect(after.severity).toBe("high");
    expect(after.timeline.at(-1)).toMatchObject({
      type: "updated",
      data: { after: { severity: "high" }, reason: "sla_breached" },
    });

    const bell = (await world.agent.client.get<NotificationList>("/notifications?unread=true"))
      .body;
    const mine = bell.items.filter((n) => n.complaintId === c.id).map((n) => n.type);
    expect(mine.sort()).toEqual(["sla_breached", "sla_warning"]);
    // The supervisor hears of it in each sweep's digest, one bell entry however many cases.
    const digests = (
      await world.supervisor.client.get<NotificationList>("/notifications?unread=true")
    ).body.items
      .filter((n) => n.type === "sla_digest")
      .flatMap((n) => n.data.cases as { complaintId: string; type: string }[])
      .filter((listed) => listed.complaintId === c.id);
    expect(digests.map((listed) => listed.type).sort()).toEqual(["sla_breached", "sla_warning"]);
    expect(digests[0]).toMatchObject({ number: c.number, clock: "customerReply", dueAt: c.dueAt });
    expect((await world.supervisor.client.post("/notifications/read-all")).status).toBe(204);
    expect(
      (await world.supervisor.client.get<NotificationList>("/notifications")).body.unreadCount,
    ).toBe(0);
  });

  it("stops the reply clock when the customer gets the reply, so nothing fires later", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const replied = (
      await world.agent.client.post<Complaint>(`/complaints/${c.id}/reply`, {
        version: c.version,
        message: "已核实并处理。",
      })
    ).body;
    expect(replied.clocks[0]).toMatchObject({
      name: "customerReply",
      stopped: true,
      breached: false,
    });
    await sweepAt(world.server.db, later(30 * DAY));
    expect(await eventsOf(world.agent.client, c.id, "sla_breached")).toEqual([]);
  });

  it("takes an upper-level transfer's earlier deadline for the reply clock", async () => {
    const externalDueAt = later(3 * DAY).toISOString();
    const c = await makeComplaint(world.agent.client, {
      source: { type: "transfer", hotline: "12345", externalDueAt },
    });
    expect(c.clocks[0]!.dueAt).toBe(externalDueAt);
    expect(c.dueAt).toBe(externalDueAt);
  });

  it("makes a missed callback promise a breach and marks the promise missed", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const promised = (
      await world.agent.client.post<Complaint>(`/complaints/${c.id}/callback`, {
        dueAt: later(HOUR).toISOString(),
        note: "查询后回电",
      })
    ).body;
    expect(promised.clocks.map((k) => k.name)).toEqual(["customerReply", "callback"]);
    await sweepAt(world.server.db, later(2 * HOUR));
    const after = (await world.agent.client.get<Complaint>(`/complaints/${c.id}`)).body;
    expect(
      after.timeline.filter((e) => e.type === "sla_breached").map((e) => e.data.clock),
    ).toEqual(["callback"]);
    expect(after.callbacks[0]?.status).toBe("missed");
  });

  it("keeps a callback promised and kept by an outbound call out of the breaches", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    await world.agent.client.post(`/complaints/${c.id}/callback`, {
      dueAt: later(HOUR).toISOString(),
    });
    await world.agent.client.post(`/complaints/${c.id}/contact`, {
      direction: "outbound",
      channel: "phone",
      summary: "已回电",
    });
    await sweepAt(world.server.db, later(2 * HOUR));
    expect(await eventsOf(world.agent.client, c.id, "sla_breached")).toEqual([]);
  });
});

describe("department clocks", () => {
  it("starts acceptance and result clocks per work order and stops each with its step", async () => {
    await world.server.db.$client.query(
      `insert into sla_policies (id, name, sort_order, match, targets, warn_at_share)
       values ('test-departments', '部门时限', 1, '{"categories":["billing"]}',
         '{"customerReply":{"amount":7,"unit":"working_days"},"departmentAcceptance":{"amount":1,"unit":"working_days"},"departmentResult":{"amount":5,"unit":"working_days"}}', 0.75)`,
    );
    const department = await world.department();
    const handler = await world.staff("department_handler", {
      departmentId: department.id,
    });
    const c = await makeComplaint(world.agent.client, {
      ownerId: world.agent.user.id,
      category: "billing",
    });
    const dispatched = (
      await world.agent.client.post(`/complaints/${c.id}/dispatch`, {
        version: c.version,
        departments: [{ departmentId: department.id }],
      })
    ).body;
    const order = dispatched.workOrders[0];
    const forOrder = (body: Complaint) =>
      body.clocks.filter((k) => k.workOrderId === order.id).map((k) => [k.name, k.stopped]);
    expect(forOrder(dispatched)).toEqual([
      ["departmentAcceptance", false],
      ["departmentResult", false],
    ]);
    const accepted = (await handler.client.post(`/work-orders/${order.id}/accept`, {})).body;
    expect(forOrder(accepted)).toEqual([
      ["departmentAcceptance", true],
      ["departmentResult", false],
    ]);
    const done = (
      await handler.client.post(`/work-orders/${order.id}/result`, {
        result: "已退费",
        substantiated: true,
        responsibility: "company",
      })
    ).body;
    expect(forOrder(done)).toEqual([
      ["departmentAcceptance", true],
      ["departmentResult", true],
    ]);
    await world.server.db.$client.query("delete from sla_policies where id = 'test-departments'");
  });
});

describe("pausing, extensions, reminders and supervision", () => {
  it("pauses the deadlines with a reason the customer sees, and resumes them", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const paused = (
      await world.agent.client.post(`/complaints/${c.id}/pause`, { reason: "等待第三方鉴定结果" })
    ).body;
    expect(paused.clocks[0]).toMatchObject({ name: "customerReply", paused: true });
    expect(paused.timeline.at(-1)).toMatchObject({
      type: "sla_paused",
      customerVisible: true,
      data: { reason: "等待第三方鉴定结果" },
    });
    await sweepAt(world.server.db, later(40 * DAY));
    expect(await eventsOf(world.agent.client, c.id, "sla_breached")).toEqual([]);
    const again = await world.agent.client.post(`/complaints/${c.id}/pause`, {
      reason: "再次暂停",
    });
    expect(again.body.code).toBe("bad_request");

    const resumed = (await world.agent.client.post(`/complaints/${c.id}/resume`)).body;
    expect(resumed.clocks[0]).toMatchObject({ paused: false });
    await sweepAt(world.server.db, later(40 * DAY));
    expect(await eventsOf(world.agent.client, c.id, "sla_breached")).toHaveLength(1);
  });

  it("moves the deadline when a supervisor approves an extension asked for in time", async () => {
    const { c, asked, newDueAt } = await extensionAsked(world.agent);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: "pending", approver: "supervisor" });
    const twice = await world.agent.client.post(`/complaints/${c.id}/extension-requests`, {
      newDueAt,
      reason: "再申请",
    });
    expect(twice.body.code).toBe("bad_request");
    expect(
      (await world.agent.client.post(`/extension-requests/${asked.body.id}/approve`, {})).status,
    ).toBe(403);
    expect(
      (
        await world.supervisor.client.get<Items<ExtensionRequest>>(
          "/extension-requests?status=pending",
        )
      ).body.items.map((r) => r.id),
    ).toContain(asked.body.id);

    const approved = (
      await world.supervisor.client.post(`/extension-requests/${asked.body.id}/approve`, {
        note: "同意延期",
      })
    ).body;
    expect(approved.dueAt).toBe(newDueAt);
    expect(approved.clocks[0].dueAt).toBe(newDueAt);
    expect(approved.timeline.at(-1)).toMatchObject({
      type: "extension_approved",
      customerVisible: true,
      data: { newDueAt },
    });
    // The customer must be told of the new date (extension-notice.test.ts covers not telling them).
    await world.agent.client.post<Complaint>(`/complaints/${c.id}/contact`, {
      direction: "outbound",
      channel: "phone",
      summary: "已告知客户延期",
    });
    await sweepAt(world.server.db, later(16 * DAY));
    expect(await eventsOf(world.agent.client, c.id, "sla_breached")).toEqual([]);
    const bell = (await world.agent.client.get<NotificationList>("/notifications")).body.items.map(
      (n) => n.type,
    );
    expect(bell).toContain("extension_approved");
  });

  it("refuses an extension that is not later, or longer than the policy allows", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const earlier = await world.agent.client.post(`/complaints/${c.id}/extension-requests`, {
      newDueAt: later(DAY).toISOString(),
      reason: "x",
    });
    expect(earlier.body.errors).toEqual([
      expect.objectContaining({ field: "body.newDueAt", code: "not_later" }),
    ]);
    const tooLong = new Date(new Date(c.dueAt!).getTime() + 20 * DAY).toISOString();
    const beyond = await world.agent.client.post(`/complaints/${c.id}/extension-requests`, {
      newDueAt: tooLong,
      reason: "x",
    });
    expect(beyond.body.errors).toEqual([
      expect.objectContaining({ field: "body.newDueAt", code: "beyond_limit" }),
    ]);
  });

  it("lets a supervisor remind the owner and supervise with a due time of its own", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const reminded = (
      await world.supervisor.client.post(`/complaints/${c.id}/remind`, {
        note: "客户第三次来电，请今日回复",
      })
    ).body;
    expect(reminded.timeline.at(-1)).toMatchObject({
      type: "reminded",
      actor: { agentNo: world.supervisor.user.agentNo },
    });
    const dueAt = later(DAY).toISOString();
    const supervised = (
      await world.supervisor.client.post<Complaint>(`/complaints/${c.id}/supervise`, {
        note: "督办：明日前办结",
        dueAt,
      })
    ).body;
    expect(supervised.flags).toContain("supervised");
    expect(supervised.clocks.map((k) => k.name)).toContain("supervision");
    const bell = (
      await world.agent.client.get<NotificationList>("/notifications")
    ).body.items.filter((n) => n.complaintId === c.id);
    expect(bell.map((n) => n.type).sort()).toEqual(["reminder", "supervision"]);
    await sweepAt(world.server.db, later(DAY + HOUR));
    const breaches = (await eventsOf(world.agent.client, c.id, "sla_breached")).map(
      (e) => e.data.clock,
    );
    expect(breaches).toEqual(["supervision"]);
  });
});
