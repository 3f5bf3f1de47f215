import { beforeAll, describe, expect, it } from "vitest";
import type { ApiResponse } from "../../test/api-client.js";
import { makeComplaint, type Staff } from "../../test/factories.js";
import type { Complaint, InboxItem, Page, Problem } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

type Department = { id: string; code: string; name: string };

/** 信用卡中心 leads, 网点 co-handles, 个贷部 is never involved unless a test says so. */
const world = setupWorld(async (w) => {
  const owner = await w.staff("agent");
  const supervisor = await w.staff("supervisor");
  const cards = await w.department({ name: "信用卡中心", code: "CARDS" });
  const branch = await w.department({ name: "朝阳支行", code: "BRANCH-CY" });
  const loans = await w.department({ name: "个人贷款部", code: "LOANS" });
  return {
    owner,
    supervisor,
    cards,
    branch,
    loans,
    cardsHandler: await w.staff("department_handler", { departmentId: cards.id }),
    branchHandler: await w.staff("department_handler", { departmentId: branch.id }),
    loansHandler: await w.staff("department_handler", { departmentId: loans.id }),
  };
});

/** A case owned by the agent, dispatched to the card center (lead) and the branch (co-handling). */
async function dispatchedCase() {
  const c = await makeComplaint(world.owner.client, { ownerId: world.owner.user.id });
  const res = await world.owner.client.post<Complaint>(`/complaints/${c.id}/dispatch`, {
    version: c.version,
    departments: [{ departmentId: world.cards.id, lead: true }, { departmentId: world.branch.id }],
    instructions: "请核实卡片寄送记录并联系客户",
  });
  expect(res.status).toBe(200);
  return res.body;
}

const orderOf = (complaint: Complaint, department: Department) =>
  complaint.workOrders.findLast((o) => o.departmentId === department.id)!;
const lastEvent = (complaint: Complaint) => complaint.timeline.at(-1)!;
/** A handler's command on an order: the case as it now is, or the refusal (`act<Problem>`). */
const act = <T = Complaint>(staff: Staff, order: { id: string }, command: string, body = {}) =>
  staff.client.post<T>(`/work-orders/${order.id}/${command}`, body);
const result = (substantiated: boolean, responsibility: string) => ({
  result: "已核实：卡片因地址错误退回，已重新寄出",
  substantiated,
  responsibility,
});

describe("dispatching", () => {
  it("creates one pending work order per department, the lead marked, and the case is dispatched", async () => {
    const c = await dispatchedCase();
    expect(c.status).toBe("dispatched");
    expect(
      c.workOrders.map((o) => [o.departmentName, o.lead, o.status, o.round, o.instructions]),
    ).toEqual([
      ["信用卡中心", true, "pending", 0, "请核实卡片寄送记录并联系客户"],
      ["朝阳支行", false, "pending", 0, "请核实卡片寄送记录并联系客户"],
    ]);
    expect(lastEvent(c)).toMatchObject({
      type: "dispatched",
      actor: { id: world.owner.user.id, agentNo: world.owner.user.agentNo },
      data: {
        departments: [
          { departmentId: world.cards.id, code: "CARDS", name: "信用卡中心", lead: true },
          { departmentId: world.branch.id, code: "BRANCH-CY", name: "朝阳支行", lead: false },
        ],
        instructions: "请核实卡片寄送记录并联系客户",
      },
    });
    // The owner cannot answer for a department; each handler may act only on their own order.
    expect(c.workOrders.map((o) => o.allowedActions)).toEqual([[], []]);
    const seenByCards = (await world.cardsHandler.client.get<Complaint>(`/complaints/${c.id}`))
      .body;
    expect(seenByCards.workOrders.map((o) => o.allowedActions)).toEqual([["accept", "return"], []]);
  });

  it("refuses to dispatch again to a department whose order is still open", async () => {
    const c = await dispatchedCase();
    const again = await world.owner.client.post<Problem>(`/complaints/${c.id}/dispatch`, {
      version: c.version,
      departments: [{ departmentId: world.branch.id }],
    });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("bad_request");
    const twice = await world.owner.client.post(`/complaints/${c.id}/dispatch`, {
      version: c.version,
      departments: [{ departmentId: world.loans.id }, { departmentId: world.loans.id }],
    });
    expect(twice.status).toBe(400);
    const after = (await world.owner.client.get(`/complaints/${c.id}`)).body;
    expect(after.workOrders).toHaveLength(2);
    expect(after.version).toBe(c.version);
  });

  it("adds a co-handling department to a dispatched case without a second lead", async () => {
    const c = await dispatchedCase();
    const res = await world.owner.client.post(`/complaints/${c.id}/dispatch`, {
      version: c.version,
      departments: [{ departmentId: world.loans.id }],
    });
    expect(res.status).toBe(200);
    expect(orderOf(res.body, world.loans)).toMatchObject({ lead: false, status: "pending" });
    const secondLead = await world.owner.client.post(`/complaints/${c.id}/dispatch`, {
      version: res.body.version,
      departments: [{ departmentId: (await world.department()).id, lead: true }],
    });
    expect(secondLead.status).toBe(400);
  });
});

describe("other departments", () => {
  it("may not act on a co-handler's order even though they see the case", async () => {
    const c = await dispatchedCase();
    const res = await act<Problem>(world.branchHandler, orderOf(c, world.cards), "accept");
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
    expect(orderOf((await world.admin.get(`/complaints/${c.id}`)).body, world.cards).status).toBe(
      "pending",
    );
  });

  it("do not even see a case that was never dispatched to them", async () => {
    const c = await dispatchedCase();
    const accept = await act<Problem>(world.loansHandler, orderOf(c, world.cards), "accept");
    expect(accept.status).toBe(404);
    expect(accept.body.code).toBe("not_found");
    const view = await world.loansHandler.client.get(`/complaints/${c.id}`);
    expect(view.status).toBe(404);
    expect(view.body.code).toBe("not_found");
    const after = (await world.admin.get<Complaint>(`/complaints/${c.id}`)).body;
    expect(after.workOrders.map((o) => o.status)).toEqual(["pending", "pending"]);
  });
});

describe("returning (退单)", () => {
  it("returns with a reason, and the case goes back to its owner once no order is active", async () => {
    const c = await dispatchedCase();
    const first = await act(world.cardsHandler, orderOf(c, world.cards), "return", {
      reason: "职能不符：寄送由发卡中心负责",
    });
    expect(first.status).toBe(200);
    expect(orderOf(first.body, world.cards)).toMatchObject({
      status: "returned",
      returnReason: "职能不符：寄送由发卡中心负责",
    });
    expect(first.body.status).toBe("dispatched"); // the branch still owes its part

    const second = await act(world.branchHandler, orderOf(c, world.branch), "return", {
      reason: "属地不符：客户开户行非本支行",
    });
    expect(second.body.status).toBe("assigned");
    expect(second.body.ownerId).toBe(world.owner.user.id);
    expect(second.body.timeline.slice(-2)).toEqual([
      expect.objectContaining({
        type: "work_order_returned",
        actor: expect.objectContaining({ agentNo: world.cardsHandler.user.agentNo }),
        data: expect.objectContaining({
          departmentId: world.cards.id,
          departmentName: "信用卡中心",
          reason: "职能不符：寄送由发卡中心负责",
        }),
      }),
      expect.objectContaining({
        type: "work_order_returned",
        actor: expect.objectContaining({ agentNo: world.branchHandler.user.agentNo }),
        data: expect.objectContaining({
          departmentId: world.branch.id,
          reason: "属地不符：客户开户行非本支行",
        }),
      }),
    ]);
    expect(second.body.allowedActions).toEqual(["note", "contact"]);
    const seenByOwner = (await world.owner.client.get(`/complaints/${c.id}`)).body;
    expect(seenByOwner.allowedActions).toContain("dispatch");
  });

  it("lets the owner re-dispatch a returned case, and the new order starts over", async () => {
    const c = await dispatchedCase();
    await act(world.cardsHandler, orderOf(c, world.cards), "return", { reason: "职能不符" });
    const returned = (
      await act(world.branchHandler, orderOf(c, world.branch), "return", { reason: "属地不符" })
    ).body;
    expect(returned.status).toBe("assigned");

    const again = await world.owner.client.post<Complaint>(`/complaints/${c.id}/dispatch`, {
      version: returned.version,
      departments: [{ departmentId: world.cards.id, lead: true }],
      instructions: "已确认属贵部职能，请处理",
    });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe("dispatched");
    expect(again.body.workOrders.map((o) => [o.departmentId, o.status])).toEqual([
      [world.cards.id, "returned"],
      [world.branch.id, "returned"],
      [world.cards.id, "pending"],
    ]);
    const accepted = await act(world.cardsHandler, orderOf(again.body, world.cards), "accept");
    expect(accepted.status).toBe(200);
    expect(orderOf(accepted.body, world.cards).status).toBe("accepted");
    // The branch handled an earlier order, so it still sees the case, read-only.
    const seenByBranch = await world.branchHandler.client.get(`/complaints/${c.id}`);
    expect(seenByBranch.status).toBe(200);
    expect(seenByBranch.body.allowedActions).toEqual(["note", "contact"]);
  });
});

describe("results", () => {
  it("refuses a result before the order is accepted", async () => {
    const c = await dispatchedCase();
    const res = await act(
      world.cardsHandler,
      orderOf(c, world.cards),
      "result",
      result(true, "company"),
    );
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "invalid_transition", allowed: ["accept", "return"] });
    expect(orderOf((await world.admin.get(`/complaints/${c.id}`)).body, world.cards).status).toBe(
      "pending",
    );
  });

  it("marks the case handled only when every active order of the round is completed", async () => {
    const c = await dispatchedCase();
    const cardsAccepted = await act(world.cardsHandler, orderOf(c, world.cards), "accept");
    expect(lastEvent(cardsAccepted.body)).toMatchObject({
      type: "work_order_accepted",
      actor: { agentNo: world.cardsHandler.user.agentNo },
      data: { departmentId: world.cards.id, lead: true },
    });
    const cardsDone = await act(
      world.cardsHandler,
      orderOf(c, world.cards),
      "result",
      result(true, "company"),
    );
    expect(cardsDone.status).toBe(200);
    expect(orderOf(cardsDone.body, world.cards)).toMatchObject({
      status: "completed",
      substantiated: true,
      responsibility: "company",
      result: "已核实：卡片因地址错误退回，已重新寄出",
    });
    expect(cardsDone.body.status).toBe("dispatched");
    expect(cardsDone.body.allowedActions).not.toContain("reply");

    await act(world.branchHandler, orderOf(c, world.branch), "accept");
    const branchDone = await act(
      world.branchHandler,
      orderOf(c, world.branch),
      "result",
      result(false, "customer"),
    );
    expect(branchDone.body.status).toBe("handled");
    // The lead department's finding is the case's finding.
    expect(branchDone.body).toMatchObject({ substantiated: true, responsibility: "company" });
    expect(
      branchDone.body.timeline
        .filter((e) => e.type.startsWith("work_order_"))
        .map((e) => [e.type, e.actor.agentNo]),
    ).toEqual([
      ["work_order_accepted", world.cardsHandler.user.agentNo],
      ["work_order_result", world.cardsHandler.user.agentNo],
      ["work_order_accepted", world.branchHandler.user.agentNo],
      ["work_order_result", world.branchHandler.user.agentNo],
    ]);
    const seenByOwner = (await world.owner.client.get(`/complaints/${c.id}`)).body;
    expect(seenByOwner.allowedActions).toContain("reply");
  });

  it("does not wait for a co-handler that returned its order", async () => {
    const c = await dispatchedCase();
    await act(world.cardsHandler, orderOf(c, world.cards), "accept");
    await act(world.cardsHandler, orderOf(c, world.cards), "result", result(true, "company"));
    const res = await act(world.branchHandler, orderOf(c, world.branch), "return", {
      reason: "非本网点业务",
    });
    expect(res.body.status).toBe("handled");
  });

  it("moves the case version, so an owner acting on the page before the department's step gets a conflict", async () => {
    const c = await dispatchedCase();
    await act(world.cardsHandler, orderOf(c, world.cards), "accept");
    const stale = await world.owner.client.post(`/complaints/${c.id}/escalate`, {
      version: c.version,
      reason: "客户要求加急",
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: "version_conflict", currentVersion: c.version + 1 });
  });

  it("lets a supervisor sign for a department that cannot be reached, under the supervisor's number", async () => {
    const c = await dispatchedCase();
    const res = await act(world.supervisor, orderOf(c, world.branch), "accept");
    expect(res.status).toBe(200);
    expect(lastEvent(res.body)).toMatchObject({
      type: "work_order_accepted",
      actor: { agentNo: world.supervisor.user.agentNo },
    });
  });
});

describe("the department inbox", () => {
  let c: Complaint;
  beforeAll(async () => {
    c = await dispatchedCase();
  });

  it("shows a handler only their own department's work orders", async () => {
    const res = await world.cardsHandler.client.get<Page<InboxItem>>("/work-orders?limit=200");
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(new Set(res.body.items.map((o) => o.departmentId))).toEqual(new Set([world.cards.id]));
    expect(res.body.items.find((o) => o.complaintId === c.id)).toMatchObject({
      id: orderOf(c, world.cards).id,
      complaintNumber: c.number,
      subject: c.subject,
      departmentName: "信用卡中心",
      lead: true,
      status: "pending",
      allowedActions: ["accept", "return"],
    });
  });

  it("refuses a handler asking for another department's inbox", async () => {
    const res = await world.cardsHandler.client.get(`/work-orders?departmentId=${world.branch.id}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
    const own = await world.cardsHandler.client.get(`/work-orders?departmentId=${world.cards.id}`);
    expect(own.status).toBe(200);
  });

  it("lets a supervisor read any department's inbox, filtered by status", async () => {
    const res = await world.supervisor.client.get<Page<InboxItem>>(
      `/work-orders?departmentId=${world.branch.id}&status=pending&limit=200`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items)
      expect([item.departmentId, item.status]).toEqual([world.branch.id, "pending"]);
    expect(res.body.items.map((o) => o.id)).toContain(orderOf(c, world.branch).id);
  });

  it("pages through every order exactly once, including orders of one dispatch that share a timestamp", async () => {
    const all = (
      await world.supervisor.client.get<Page<InboxItem>>("/work-orders?limit=200")
    ).body.items.map((o) => o.id);
    expect(all.length).toBeGreaterThan(10);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: ApiResponse<Page<InboxItem>> = await world.supervisor.client.get(
        `/work-orders?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(res.status).toBe(200);
      paged.push(...res.body.items.map((o) => o.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it("shows an uninvolved department an inbox without this case", async () => {
    const res = await world.loansHandler.client.get<Page<InboxItem>>("/work-orders?limit=200");
    expect(res.status).toBe(200);
    expect(res.body.items.map((o) => o.complaintId)).not.toContain(c.id);
  });
});
