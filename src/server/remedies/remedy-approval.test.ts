import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { remedies } from "../../db/schema.js";
import { getComplaint } from "../../test/complaint-kit.js";
import { ownCase, remedyOf } from "../../test/remedy-kit.js";
import { DAY, later, sweepAt } from "../../test/sweep-at.js";
import type { Complaint, NotificationList, Remedy } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent", { displayName: "李娜", agentNo: "1023" }),
  specialist: await w.staff("specialist"),
  supervisor: await w.staff("supervisor", { displayName: "刘洋", agentNo: "2001" }),
  secondSupervisor: await w.staff("supervisor"),
}));

/** ¥5,000 of compensation asked for by the agent: above a specialist's ¥2,000, for a supervisor. */
async function pendingForSupervisor() {
  const c = await ownCase(world.agent);
  return { c, pending: await remedyOf(world.agent, c, "compensation", "5000.00") };
}
const approvalClock = (page: Complaint, remedyId: string) =>
  page.clocks.find((k) => k.name === "remedyApproval" && k.remedyId === remedyId);

describe("approving and rejecting a remedy", () => {
  it("approves: granted, decided by the supervisor with a note, the clock stopped, the asker told", async () => {
    const { c, pending } = await pendingForSupervisor();
    const res = await world.supervisor.client.post<Remedy>(`/remedies/${pending.id}/approve`, {
      note: "情况属实，同意赔偿",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "granted",
      approver: "supervisor",
      decidedBy: { agentNo: "2001", name: "刘洋" },
      decisionNote: "情况属实，同意赔偿",
      decidedAt: expect.any(String),
      allowedActions: ["reverse"],
    });
    const page = await getComplaint(world.agent.client, c.id);
    expect(page.grantedAmount).toBe("5000.00");
    expect(approvalClock(page, pending.id)).toMatchObject({ stopped: true, breached: false });
    expect(page.timeline.at(-1)).toMatchObject({
      type: "remedy_approved",
      actor: { agentNo: "2001" },
      data: { remedyId: pending.id, note: "情况属实，同意赔偿", requestedBy: { agentNo: "1023" } },
    });
    const bell = (await world.agent.client.get<NotificationList>("/notifications")).body;
    expect(bell.items.map((n) => n.type)).toContain("remedy_approved");
  });

  it("rejects with a note it requires; the case has given nothing", async () => {
    const { c, pending } = await pendingForSupervisor();
    const noNote = await world.supervisor.client.post(`/remedies/${pending.id}/reject`, {});
    expect(noNote.status).toBe(400);
    const res = await world.supervisor.client.post<Remedy>(`/remedies/${pending.id}/reject`, {
      note: "超出赔付标准",
    });
    expect(res.body).toMatchObject({ status: "rejected", decisionNote: "超出赔付标准" });
    expect(res.body.allowedActions).toEqual([]);
    const page = await getComplaint(world.agent.client, c.id);
    expect(page.grantedAmount).toBe("0.00");
    expect(page.timeline.at(-1)).toMatchObject({
      type: "remedy_rejected",
      actor: { agentNo: "2001" },
    });
  });

  it("is refused to the asker (four eyes) and below the approver's role, with the reason", async () => {
    const { pending } = await pendingForSupervisor();
    const own = await world.agent.client.post(`/remedies/${pending.id}/approve`, {});
    expect(own).toMatchObject({
      status: 403,
      body: { code: "forbidden", title: "您没有权限执行此操作：不能审批自己申请的补救" },
    });
    const below = await world.specialist.client.post(`/remedies/${pending.id}/approve`, {});
    expect(below.status).toBe(403);
    expect(below.body.title).toBe("您没有权限执行此操作：该补救须由更高级别的角色审批");
    // A specialist may decide what is within a specialist's limit.
    const c = await ownCase(world.agent);
    const small = await remedyOf(world.agent, c, "refund", "1500.00");
    expect(small.approver).toBe("specialist");
    const approved = await world.specialist.client.post(`/remedies/${small.id}/approve`, {});
    expect(approved.body.status).toBe("granted");
  });

  it("decides once: a second decision is 409 remedy_decided", async () => {
    const { pending } = await pendingForSupervisor();
    await world.supervisor.client.post(`/remedies/${pending.id}/approve`, {});
    const again = await world.secondSupervisor.client.post(`/remedies/${pending.id}/reject`, {
      note: "重复",
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: "remedy_decided",
      title: "该补救申请已处理，不能再次审批。",
      status: "granted",
    });
  });

  it("lets one of two supervisors approving at once win; the other gets 409", async () => {
    for (let round = 0; round < 3; round++) {
      const { c, pending } = await pendingForSupervisor();
      const answers = await Promise.all(
        [world.supervisor, world.secondSupervisor].map((s) =>
          s.client.post(`/remedies/${pending.id}/approve`, { note: `第${round}轮` }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)!.body.code).toBe("remedy_decided");
      const page = await getComplaint(world.agent.client, c.id);
      expect(page.timeline.filter((e) => e.type === "remedy_approved")).toHaveLength(1);
    }
  });
});

describe("the approval clock", () => {
  it("is warned and breached by the sweep like any deadline, and ignores a case pause", async () => {
    const { c, pending } = await pendingForSupervisor();
    await world.agent.client.post(`/complaints/${c.id}/pause`, { reason: "等待第三方鉴定" });
    const paused = await getComplaint(world.agent.client, c.id);
    expect(approvalClock(paused, pending.id)).toMatchObject({ paused: false });
    await sweepAt(world.server.db, later(10 * DAY));
    const page = await getComplaint(world.agent.client, c.id);
    const marks = page.timeline
      .filter((e) => e.type === "sla_warning" || e.type === "sla_breached")
      .filter((e) => e.data.clock === "remedyApproval");
    expect(marks.map((e) => e.type)).toEqual(["sla_warning", "sla_breached"]);
    expect(marks[1]!.data.remedyId).toBe(pending.id);
    expect(approvalClock(page, pending.id)).toMatchObject({ breached: true, stopped: false });
    // A breach of the approver's time changes nothing of the case itself.
    expect(page.ownerId).toBe(world.agent.user.id);
    await world.supervisor.client.post(`/remedies/${pending.id}/approve`, {});
    const after = await getComplaint(world.agent.client, c.id);
    expect(approvalClock(after, pending.id)).toMatchObject({ stopped: true, breached: true });
  });
});

describe("reversing a remedy (冲正)", () => {
  it("writes a reversal of its own: the remedy shows reversed, its row unchanged, once only", async () => {
    const c = await ownCase(world.agent);
    const granted = await remedyOf(world.agent, c, "refund", "150.00");
    const [before] = await world.server.db
      .select()
      .from(remedies)
      .where(eq(remedies.id, granted.id));
    const res = await world.agent.client.post<Remedy>(`/remedies/${granted.id}/reverse`, {
      reason: "重复退款，冲正",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "reversed",
      amount: "150.00",
      reversal: {
        reason: "重复退款，冲正",
        reversedBy: { agentNo: "1023" },
        at: expect.any(String),
      },
      allowedActions: [],
    });
    const [after] = await world.server.db
      .select()
      .from(remedies)
      .where(eq(remedies.id, granted.id));
    expect(after).toEqual(before);
    const page = await getComplaint(world.agent.client, c.id);
    expect(page.grantedAmount).toBe("0.00");
    expect(page.timeline.at(-1)).toMatchObject({
      type: "remedy_reversed",
      actor: { agentNo: "1023" },
      data: { remedyId: granted.id, amount: "150.00", reason: "重复退款，冲正" },
    });
    const again = await world.agent.client.post(`/remedies/${granted.id}/reverse`, {
      reason: "再冲",
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "remedy_not_reversible", status: "reversed" });
  });

  it("reverses only what was granted, by its granter or a supervisor", async () => {
    const { pending } = await pendingForSupervisor();
    const notGranted = await world.supervisor.client.post(`/remedies/${pending.id}/reverse`, {
      reason: "撤回",
    });
    expect(notGranted.status).toBe(409);
    expect(notGranted.body.status).toBe("pending_approval");
    const c = await ownCase(world.supervisor);
    const theirs = await remedyOf(world.supervisor, c, "gift", "50");
    const byAgent = await world.agent.client.post(`/remedies/${theirs.id}/reverse`, {
      reason: "错",
    });
    expect(byAgent.status).toBe(403);
    const bySupervisor = await world.secondSupervisor.client.post(
      `/remedies/${theirs.id}/reverse`,
      {
        reason: "礼品未寄出",
      },
    );
    expect(bySupervisor.body.status).toBe("reversed");
  });

  it("is refused by the database too: a decided remedy and a reversal never change", async () => {
    const query = (text: string) => world.server.db.$client.query(text);
    await expect(
      query("update remedies set amount_fen = 1 where status = 'granted'"),
    ).rejects.toMatchObject({
      code: "23001",
    });
    await expect(query("delete from remedy_reversals")).rejects.toMatchObject({ code: "23001" });
  });
});
