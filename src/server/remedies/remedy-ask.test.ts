import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema.js";
import { closeWithFinding, eventTypes, getComplaint, HAN } from "../../test/complaint-kit.js";
import { askRemedy, ownCase, remedyOf } from "../../test/remedy-kit.js";
import type { ValidationProblem } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent", { displayName: "李娜", agentNo: "1023" }),
  otherAgent: await w.staff("agent"),
  supervisor: await w.staff("supervisor", { agentNo: "2001" }),
  quality: await w.staff("quality"),
}));

describe("giving a remedy (补救)", () => {
  it("grants ¥150 on the spot within an agent's authority, on the timeline and in the audit log", async () => {
    const c = await ownCase(world.agent, { demandAmount: "10000.00" });
    const res = await askRemedy(world.agent, c, "refund", "150", "多收电费退还");
    expect(res.status).toBe(201);
    const requestedBy = { id: world.agent.user.id, agentNo: "1023", name: "李娜" };
    expect(res.body).toMatchObject({
      complaintId: c.id,
      complaintNumber: c.number,
      type: "refund",
      amount: "150.00",
      reason: "多收电费退还",
      status: "granted",
      requestedBy,
      decidedBy: requestedBy,
      decidedAt: expect.any(String),
    });
    expect(res.body.approver).toBeUndefined();

    const page = await getComplaint(world.agent.client, c.id);
    expect(page.remedies).toEqual([res.body]);
    expect(page.demandAmount).toBe("10000.00");
    expect(page.grantedAmount).toBe("150.00");
    expect(page.timeline.at(-1)).toMatchObject({
      type: "remedy_granted",
      actor: { agentNo: "1023" },
      data: { remedyId: res.body.id, type: "refund", amount: "150.00", reason: "多收电费退还" },
    });
    const audit = await world.server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, res.body.id), eq(auditLog.action, "remedy_granted")));
    expect(audit).toMatchObject([{ actorAgentNo: "1023", entity: "remedies" }]);
  });

  it("sends ¥5,000 to the lowest role whose limit covers it, with an approval clock and the approvers told", async () => {
    const c = await ownCase(world.agent);
    const pending = await remedyOf(world.agent, c, "compensation", "5000.00");
    expect(pending).toMatchObject({ status: "pending_approval", approver: "supervisor" });
    expect(pending.decidedAt).toBeUndefined();
    const page = await getComplaint(world.agent.client, c.id);
    expect(page.grantedAmount).toBe("0.00");
    expect(eventTypes(page).at(-1)).toBe("remedy_requested");
    expect(page.timeline.at(-1)!.data).toMatchObject({ approver: "supervisor", amount: "5000.00" });
    expect(page.clocks.find((k) => k.name === "remedyApproval")).toMatchObject({
      remedyId: pending.id,
      stopped: false,
    });
    const bell = await world.supervisor.client.get("/notifications");
    expect(bell.body.items.map((n: { type: string }) => n.type)).toContain("remedy_requested");
  });

  it("adds 0.10 and 0.20 to exactly 0.30", async () => {
    const c = await ownCase(world.agent);
    await remedyOf(world.agent, c, "fee_waiver", "0.10");
    await remedyOf(world.agent, c, "fee_waiver", "0.20");
    expect((await getComplaint(world.agent.client, c.id)).grantedAmount).toBe("0.30");
  });

  it("refuses an amount that is not yuan with at most two decimals, in the user's language", async () => {
    const c = await ownCase(world.agent);
    for (const amount of ["1.005", "-5", "1,000", "¥5", "abc"]) {
      const res = await askRemedy(world.agent, c, "refund", amount);
      expect(res.status, amount).toBe(400);
      expect((res.body as unknown as ValidationProblem).errors).toEqual([
        {
          field: "body.amount",
          code: "invalid_amount",
          message: "金额须以元为单位，最多两位小数，如 200.00",
        },
      ]);
    }
    world.agent.client.language = "en";
    try {
      const res = await askRemedy(world.agent, c, "apology", "5");
      expect((res.body as unknown as ValidationProblem).errors).toEqual([
        {
          field: "body.amount",
          code: "apology_amount",
          message: "An apology has no amount: it must be 0",
        },
      ]);
    } finally {
      world.agent.client.language = "zh-CN";
    }
    const free = await askRemedy(world.agent, c, "refund", "0");
    expect((free.body as unknown as ValidationProblem).errors[0]).toMatchObject({
      field: "body.amount",
      code: "amount_required",
      message: "金额须大于 0",
    });
    expect((await askRemedy(world.agent, c, "apology", "0.00")).body.status).toBe("granted");
  });

  it("counts the month: an agent's grants of a type this month go against ¥2,000", async () => {
    const agent = await world.staff("agent");
    const c = await ownCase(agent);
    for (let i = 0; i < 9; i++) await remedyOf(agent, c, "gift", "200.00");
    expect((await remedyOf(agent, c, "gift", "200.00")).status).toBe("granted");
    expect(await remedyOf(agent, c, "gift", "0.01")).toMatchObject({
      status: "pending_approval",
      approver: "specialist",
    });
    // Another type has a month of its own.
    expect((await remedyOf(agent, c, "refund", "200.00")).status).toBe("granted");
  });

  it("lets only those who may reply on the case give one", async () => {
    const theirs = await ownCase(world.otherAgent);
    const notOwner = await askRemedy(world.agent, theirs, "refund", "10");
    expect(notOwner.status).toBe(403);
    expect(notOwner.body).toMatchObject({ code: "forbidden", title: expect.stringMatching(HAN) });
    expect((await askRemedy(world.supervisor, theirs, "refund", "10")).status).toBe(201);
    expect((await askRemedy(world.quality, theirs, "refund", "10")).status).toBe(403);
  });

  it("is refused on a closed case", async () => {
    const c = await ownCase(world.agent);
    const closed = await world.agent.client.command(c.id, "withdraw", { version: c.version });
    const res = await askRemedy(world.agent, closed, "refund", "10");
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "invalid_transition" });
  });
});

describe("closing while a remedy waits for approval", () => {
  it("is refused with 409 remedy_pending, in Chinese and English, until it is decided", async () => {
    const c = await ownCase(world.agent);
    const pending = await remedyOf(world.agent, c, "compensation", "3000");
    const page = await world.agent.client.command(c.id, "reply", {
      version: c.version,
      message: "赔偿申请已提交审批，结果另行告知。",
    });
    const close = () =>
      world.agent.client.post(`/complaints/${c.id}/close`, {
        version: page.version,
        reason: "客户不再追究",
        reasonCode: "customer_declined_follow_up",
      });
    expect(page.allowedActions).not.toContain("close");
    const refused = await close();
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: "remedy_pending",
      title: "该工单有待审批的补救，审批或驳回后才能办结。",
      remedyId: pending.id,
    });
    world.agent.client.language = "en";
    try {
      expect((await close()).body.title).toBe(
        "A remedy on this case is waiting for approval; approve or reject it before closing the case.",
      );
    } finally {
      world.agent.client.language = "zh-CN";
    }
    const after = await getComplaint(world.agent.client, c.id);
    expect(after.version).toBe(page.version);

    await world.supervisor.client.post(`/remedies/${pending.id}/reject`, { note: "超出赔付标准" });
    const decided = await getComplaint(world.agent.client, c.id);
    expect(decided.allowedActions).toContain("close");
    const closed = await closeWithFinding(world.agent.client, decided, "客户不再追究");
    expect(closed.status).toBe("closed");
  });
});
