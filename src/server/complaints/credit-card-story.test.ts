import { describe, expect, it } from "vitest";
import type { ApiResponse } from "../../test/api-client.js";
import { closeWithFinding } from "../../test/complaint-kit.js";
import type { Complaint, CustomerHistory, Items } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

/**
 * Seed 002: a credit card that never arrived. Three calls to three agents, an inquiry that became
 * a complaint, a department that said "not our business", a reply the customer found hollow, and
 * a second round. kesu keeps all of it on one case, with every actor's agent number.
 */
const world = setupWorld(async (w) => {
  const loans = await w.department({ name: "信贷部", code: "LOANS" });
  const cardCentre = await w.department({ name: "信用卡中心", code: "CARDS" });
  return {
    loans,
    cardCentre,
    firstAgent: await w.staff("agent", { displayName: "李娜", agentNo: "1001" }),
    secondAgent: await w.staff("agent", { displayName: "张伟", agentNo: "1002" }),
    thirdAgent: await w.staff("agent", { displayName: "王芳", agentNo: "1003" }),
    specialist: await w.staff("specialist", { displayName: "陈静", agentNo: "2001" }),
    loanHandler: await w.staff("department_handler", {
      displayName: "刘洋",
      agentNo: "3001",
      departmentId: loans.id,
    }),
    cardHandler: await w.staff("department_handler", {
      displayName: "赵磊",
      agentNo: "3002",
      departmentId: cardCentre.id,
    }),
    followUpTeam: await w.staff("quality", { displayName: "孙丽", agentNo: "4001" }),
  };
});

async function ok<T>(request: Promise<ApiResponse<T>>): Promise<T> {
  const res = await request;
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

describe("seed 002: the credit card that never arrived", () => {
  it("keeps one case, one owner and the whole story from first call to closure", async () => {
    const phone = "13912345678";
    // Call 1: an inquiry; the agent promises to call back.
    let c = await ok(
      world.firstAgent.client.post<Complaint>("/complaints", {
        kind: "inquiry",
        channel: "phone",
        customer: { name: "周先生", phone, idNumber: "110101198801011234" },
        subject: "信用卡申请两个月未收到",
        description: "办理按揭时申请的信用卡两个月未收到，担心邮寄丢失。信贷部称归信用卡中心负责。",
        businessType: "credit_card",
        ownerId: world.firstAgent.user.id,
      }),
    );
    c = await ok(
      world.firstAgent.client.post<Complaint>(`/complaints/${c.id}/callback`, {
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
        note: "查询审批进度后回电",
      }),
    );

    // Call 2, six days later: another agent finds the whole history from the phone number alone.
    const lookup = await ok(
      world.secondAgent.client.get<Items<CustomerHistory>>(
        `/customers?phone=${encodeURIComponent("+86 139-1234-5678")}`,
      ),
    );
    expect(lookup.items).toHaveLength(1);
    expect(lookup.items[0]!.complaints.map((x) => x.number)).toEqual([c.number]);
    expect(lookup.items[0]!.openCallbacks).toHaveLength(1);
    await ok(
      world.secondAgent.client.post<Complaint>(`/complaints/${c.id}/contact`, {
        direction: "inbound",
        channel: "phone",
        summary: "客户再次来电询问，未收到回电",
      }),
    );
    await ok(
      world.secondAgent.client.post<Complaint>(`/complaints/${c.id}/note`, {
        text: "第一次承诺的回电未完成，提醒负责人",
      }),
    );

    // Call 3: the inquiry becomes a complaint, on the same case, and goes to a specialist.
    c = await ok(world.thirdAgent.client.get<Complaint>(`/complaints/${c.id}`));
    expect(c.allowedActions).not.toContain("upgrade"); // not the owner: 首问负责 stays with agent 1001
    c = await ok(
      world.firstAgent.client.post<Complaint>(`/complaints/${c.id}/upgrade`, {
        version: c.version,
        reason: "多次承诺回电未兑现，客户不满",
      }),
    );
    expect(c.kind).toBe("complaint");
    c = await ok(
      world.firstAgent.client.post<Complaint>(`/complaints/${c.id}/assign`, {
        version: c.version,
        ownerId: world.firstAgent.user.id,
      }),
    );
    c = await ok(
      world.specialist.client.post<Complaint>(`/complaints/${c.id}/assign`, {
        version: c.version,
        ownerId: world.specialist.user.id,
      }),
    );
    expect(c.owner).toMatchObject({ agentNo: "2001", name: "陈静" });

    // Dispatched to the loan department, which returns it: "not our business" is recorded, with a reason.
    c = await ok(
      world.specialist.client.post<Complaint>(`/complaints/${c.id}/dispatch`, {
        version: c.version,
        departments: [{ departmentId: world.loans.id }],
        instructions: "核实信用卡申请情况",
      }),
    );
    expect(c.status).toBe("dispatched");
    const loanOrder = c.workOrders[0]!;
    c = await ok(
      world.loanHandler.client.post<Complaint>(`/work-orders/${loanOrder.id}/return`, {
        reason: "职能不符：信用卡审批归信用卡中心",
      }),
    );
    expect(c.status).toBe("assigned");

    // Re-dispatched to the card centre, which accepts and finds the bank at fault.
    c = await ok(
      world.specialist.client.post<Complaint>(`/complaints/${c.id}/dispatch`, {
        version: c.version,
        departments: [{ departmentId: world.cardCentre.id, lead: true }],
      }),
    );
    const cardOrder = c.workOrders.find((o) => o.departmentId === world.cardCentre.id)!;
    await ok(world.cardHandler.client.post<Complaint>(`/work-orders/${cardOrder.id}/accept`, {}));
    c = await ok(
      world.cardHandler.client.post<Complaint>(`/work-orders/${cardOrder.id}/result`, {
        result: "核实单位电话无人接听即拒批，未再次核实，属我行流程缺陷；已加急重新审批。",
        substantiated: true,
        responsibility: "company",
      }),
    );
    expect(c.status).toBe("handled");
    expect(c).toMatchObject({ substantiated: true, responsibility: "company" });

    // The reply, a dissatisfied follow-up (重办), a second reply, and a satisfied follow-up.
    c = await ok(
      world.specialist.client.post<Complaint>(`/complaints/${c.id}/reply`, {
        version: c.version,
        message: "经核实审批未通过系我行核实不到位，已加急重新审批。",
        remedy: "加急办卡并致歉",
      }),
    );
    c = await ok(
      world.followUpTeam.client.post<Complaint>(`/complaints/${c.id}/follow-up`, {
        version: c.version,
        satisfaction: "dissatisfied",
        comment: "只是解释，没有主动挽回",
      }),
    );
    expect(c).toMatchObject({ status: "reopened", reopenCount: 1 });
    c = await ok(
      world.specialist.client.post<Complaint>(`/complaints/${c.id}/contact`, {
        direction: "outbound",
        channel: "phone",
        summary: "主动致电致歉，告知卡片已寄出及快递单号",
      }),
    );
    c = await ok(
      world.specialist.client.post<Complaint>(`/complaints/${c.id}/reply`, {
        version: c.version,
        message: "卡片已于今日寄出，免首年年费，客户经理专人跟进。",
        remedy: "免首年年费",
      }),
    );
    c = await ok(
      world.followUpTeam.client.post<Complaint>(`/complaints/${c.id}/follow-up`, {
        version: c.version,
        satisfaction: "satisfied",
      }),
    );
    c = await closeWithFinding(world.specialist.client, c, "resolved");

    expect(c.status).toBe("closed");
    const steps = c.timeline.map((e) => [e.type, e.actor.agentNo]);
    expect(steps).toEqual([
      ["created", "1001"],
      ["assigned", "1001"],
      ["callback_promised", "1001"],
      ["contact", "1002"],
      ["note", "1002"],
      ["upgraded", "1001"],
      ["assigned", "1001"],
      ["assigned", "2001"],
      ["dispatched", "2001"],
      ["work_order_returned", "3001"],
      ["dispatched", "2001"],
      ["work_order_accepted", "3002"],
      ["work_order_result", "3002"],
      ["replied", "2001"],
      ["followed_up", "4001"],
      ["reopened", "4001"],
      ["contact", "2001"],
      ["callback_done", "2001"],
      // 事不过三: the customer's third contact, with the case not answered in this round.
      ["third_contact", "2001"],
      ["replied", "2001"],
      ["followed_up", "4001"],
      ["finding_recorded", "2001"],
      ["closed", "2001"],
    ]);
    expect(c.timeline.find((e) => e.type === "work_order_returned")!.data.reason).toBe(
      "职能不符：信用卡审批归信用卡中心",
    );
    expect(c.timeline.filter((e) => e.customerVisible).map((e) => e.type)).toEqual([
      "replied",
      "replied",
    ]);

    // Every call is on the customer's record, with the agent who took it.
    const history = await ok(
      world.thirdAgent.client.get<CustomerHistory>(`/customers/${c.customer.id}`),
    );
    expect(history.contacts.map((x) => x.agentNo).sort()).toEqual(["1001", "1002", "2001"]);
    expect(history.openCallbacks).toEqual([]);
  });
});
