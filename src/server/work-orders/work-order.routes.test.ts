import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../../test/api-client.js";
import {
  makeComplaint,
  makeDepartment,
  makeStaff,
  type Staff,
  signedInAdmin,
} from "../../test/factories.js";
import { startTestServer, type TestServer } from "../../test/test-server.js";

type Department = { id: string; code: string; name: string };

let server: TestServer;
let admin: ApiClient;
let owner: Staff;
let supervisor: Staff;
/** 信用卡中心 leads, 网点 co-handles, 个贷部 is never involved unless a test says so. */
let cards: Department;
let branch: Department;
let loans: Department;
let cardsHandler: Staff;
let branchHandler: Staff;
let loansHandler: Staff;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedInAdmin(server);
  owner = await makeStaff(admin, "agent");
  supervisor = await makeStaff(admin, "supervisor");
  cards = await makeDepartment(admin, { name: "信用卡中心", code: "CARDS" });
  branch = await makeDepartment(admin, { name: "朝阳支行", code: "BRANCH-CY" });
  loans = await makeDepartment(admin, { name: "个人贷款部", code: "LOANS" });
  cardsHandler = await makeStaff(admin, "department_handler", { departmentId: cards.id });
  branchHandler = await makeStaff(admin, "department_handler", { departmentId: branch.id });
  loansHandler = await makeStaff(admin, "department_handler", { departmentId: loans.id });
});
afterAll(() => server.close());

/** A case owned by the agent, dispatched to the card center (lead) and the branch (co-handling). */
async function dispatchedCase() {
  const c = await makeComplaint(owner.client, { ownerId: owner.user.id });
  const res = await owner.client.post(`/complaints/${c.id}/dispatch`, {
    version: c.version,
    departments: [{ departmentId: cards.id, lead: true }, { departmentId: branch.id }],
    instructions: "请核实卡片寄送记录并联系客户",
  });
  expect(res.status).toBe(200);
  return res.body;
}

const orderOf = (complaint: any, department: Department) =>
  complaint.workOrders.findLast((o: any) => o.departmentId === department.id);
const lastEvent = (complaint: any) => complaint.timeline.at(-1);
const act = (staff: Staff, order: { id: string }, command: string, body: object = {}) =>
  staff.client.post(`/work-orders/${order.id}/${command}`, body);
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
      c.workOrders.map((o: any) => [o.departmentName, o.lead, o.status, o.round, o.instructions]),
    ).toEqual([
      ["信用卡中心", true, "pending", 0, "请核实卡片寄送记录并联系客户"],
      ["朝阳支行", false, "pending", 0, "请核实卡片寄送记录并联系客户"],
    ]);
    expect(lastEvent(c)).toMatchObject({
      type: "dispatched",
      actor: { id: owner.user.id, agentNo: owner.user.agentNo },
      data: {
        departments: [
          { departmentId: cards.id, code: "CARDS", name: "信用卡中心", lead: true },
          { departmentId: branch.id, code: "BRANCH-CY", name: "朝阳支行", lead: false },
        ],
        instructions: "请核实卡片寄送记录并联系客户",
      },
    });
    // The owner cannot answer for a department; each handler may act only on their own order.
    expect(c.workOrders.map((o: any) => o.allowedActions)).toEqual([[], []]);
    const seenByCards = (await cardsHandler.client.get(`/complaints/${c.id}`)).body;
    expect(seenByCards.workOrders.map((o: any) => o.allowedActions)).toEqual([
      ["accept", "return"],
      [],
    ]);
  });

  it("refuses to dispatch again to a department whose order is still open", async () => {
    const c = await dispatchedCase();
    const again = await owner.client.post(`/complaints/${c.id}/dispatch`, {
      version: c.version,
      departments: [{ departmentId: branch.id }],
    });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("bad_request");
    const twice = await owner.client.post(`/complaints/${c.id}/dispatch`, {
      version: c.version,
      departments: [{ departmentId: loans.id }, { departmentId: loans.id }],
    });
    expect(twice.status).toBe(400);
    const after = (await owner.client.get(`/complaints/${c.id}`)).body;
    expect(after.workOrders).toHaveLength(2);
    expect(after.version).toBe(c.version);
  });

  it("adds a co-handling department to a dispatched case without a second lead", async () => {
    const c = await dispatchedCase();
    const res = await owner.client.post(`/complaints/${c.id}/dispatch`, {
      version: c.version,
      departments: [{ departmentId: loans.id }],
    });
    expect(res.status).toBe(200);
    expect(orderOf(res.body, loans)).toMatchObject({ lead: false, status: "pending" });
    const secondLead = await owner.client.post(`/complaints/${c.id}/dispatch`, {
      version: res.body.version,
      departments: [{ departmentId: (await makeDepartment(admin)).id, lead: true }],
    });
    expect(secondLead.status).toBe(400);
  });
});

describe("other departments", () => {
  it("may not act on a co-handler's order even though they see the case", async () => {
    const c = await dispatchedCase();
    const res = await act(branchHandler, orderOf(c, cards), "accept");
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
    expect(orderOf((await admin.get(`/complaints/${c.id}`)).body, cards).status).toBe("pending");
  });

  it("do not even see a case that was never dispatched to them", async () => {
    const c = await dispatchedCase();
    const accept = await act(loansHandler, orderOf(c, cards), "accept");
    expect(accept.status).toBe(404);
    expect(accept.body.code).toBe("not_found");
    const view = await loansHandler.client.get(`/complaints/${c.id}`);
    expect(view.status).toBe(404);
    expect(view.body.code).toBe("not_found");
    const after = (await admin.get(`/complaints/${c.id}`)).body;
    expect(after.workOrders.map((o: any) => o.status)).toEqual(["pending", "pending"]);
  });
});

describe("returning (退单)", () => {
  it("returns with a reason, and the case goes back to its owner once no order is active", async () => {
    const c = await dispatchedCase();
    const first = await act(cardsHandler, orderOf(c, cards), "return", {
      reason: "职能不符：寄送由发卡中心负责",
    });
    expect(first.status).toBe(200);
    expect(orderOf(first.body, cards)).toMatchObject({
      status: "returned",
      returnReason: "职能不符：寄送由发卡中心负责",
    });
    expect(first.body.status).toBe("dispatched"); // the branch still owes its part

    const second = await act(branchHandler, orderOf(c, branch), "return", {
      reason: "属地不符：客户开户行非本支行",
    });
    expect(second.body.status).toBe("assigned");
    expect(second.body.ownerId).toBe(owner.user.id);
    expect(second.body.timeline.slice(-2)).toEqual([
      expect.objectContaining({
        type: "work_order_returned",
        actor: expect.objectContaining({ agentNo: cardsHandler.user.agentNo }),
        data: expect.objectContaining({
          departmentId: cards.id,
          departmentName: "信用卡中心",
          reason: "职能不符：寄送由发卡中心负责",
        }),
      }),
      expect.objectContaining({
        type: "work_order_returned",
        actor: expect.objectContaining({ agentNo: branchHandler.user.agentNo }),
        data: expect.objectContaining({
          departmentId: branch.id,
          reason: "属地不符：客户开户行非本支行",
        }),
      }),
    ]);
    expect(second.body.allowedActions).toEqual(["note", "contact"]);
    const seenByOwner = (await owner.client.get(`/complaints/${c.id}`)).body;
    expect(seenByOwner.allowedActions).toContain("dispatch");
  });

  it("lets the owner re-dispatch a returned case, and the new order starts over", async () => {
    const c = await dispatchedCase();
    await act(cardsHandler, orderOf(c, cards), "return", { reason: "职能不符" });
    const returned = (
      await act(branchHandler, orderOf(c, branch), "return", { reason: "属地不符" })
    ).body;
    expect(returned.status).toBe("assigned");

    const again = await owner.client.post(`/complaints/${c.id}/dispatch`, {
      version: returned.version,
      departments: [{ departmentId: cards.id, lead: true }],
      instructions: "已确认属贵部职能，请处理",
    });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe("dispatched");
    expect(again.body.workOrders.map((o: any) => [o.departmentId, o.status])).toEqual([
      [cards.id, "returned"],
      [branch.id, "returned"],
      [cards.id, "pending"],
    ]);
    const accepted = await act(cardsHandler, orderOf(again.body, cards), "accept");
    expect(accepted.status).toBe(200);
    expect(orderOf(accepted.body, cards).status).toBe("accepted");
    // The branch handled an earlier order, so it still sees the case, read-only.
    const seenByBranch = await branchHandler.client.get(`/complaints/${c.id}`);
    expect(seenByBranch.status).toBe(200);
    expect(seenByBranch.body.allowedActions).toEqual(["note", "contact"]);
  });
});

describe("results", () => {
  it("refuses a result before the order is accepted", async () => {
    const c = await dispatchedCase();
    const res = await act(cardsHandler, orderOf(c, cards), "result", result(true, "company"));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "invalid_transition", allowed: ["accept", "return"] });
    expect(orderOf((await admin.get(`/complaints/${c.id}`)).body, cards).status).toBe("pending");
  });

  it("marks the case handled only when every active order of the round is completed", async () => {
    const c = await dispatchedCase();
    const cardsAccepted = await act(cardsHandler, orderOf(c, cards), "accept");
    expect(lastEvent(cardsAccepted.body)).toMatchObject({
      type: "work_order_accepted",
      actor: { agentNo: cardsHandler.user.agentNo },
      data: { departmentId: cards.id, lead: true },
    });
    const cardsDone = await act(cardsHandler, orderOf(c, cards), "result", result(true, "company"));
    expect(cardsDone.status).toBe(200);
    expect(orderOf(cardsDone.body, cards)).toMatchObject({
      status: "completed",
      substantiated: true,
      responsibility: "company",
      result: "已核实：卡片因地址错误退回，已重新寄出",
    });
    expect(cardsDone.body.status).toBe("dispatched");
    expect(cardsDone.body.allowedActions).not.toContain("reply");

    await act(branchHandler, orderOf(c, branch), "accept");
    const branchDone = await act(
      branchHandler,
      orderOf(c, branch),
      "result",
      result(false, "customer"),
    );
    expect(branchDone.body.status).toBe("handled");
    // The lead department's finding is the case's finding.
    expect(branchDone.body).toMatchObject({ substantiated: true, responsibility: "company" });
    expect(
      branchDone.body.timeline
        .filter((e: any) => e.type.startsWith("work_order_"))
        .map((e: any) => [e.type, e.actor.agentNo]),
    ).toEqual([
      ["work_order_accepted", cardsHandler.user.agentNo],
      ["work_order_result", cardsHandler.user.agentNo],
      ["work_order_accepted", branchHandler.user.agentNo],
      ["work_order_result", branchHandler.user.agentNo],
    ]);
    const seenByOwner = (await owner.client.get(`/complaints/${c.id}`)).body;
    expect(seenByOwner.allowedActions).toContain("reply");
  });

  it("does not wait for a co-handler that returned its order", async () => {
    const c = await dispatchedCase();
    await act(cardsHandler, orderOf(c, cards), "accept");
    await act(cardsHandler, orderOf(c, cards), "result", result(true, "company"));
    const res = await act(branchHandler, orderOf(c, branch), "return", { reason: "非本网点业务" });
    expect(res.body.status).toBe("handled");
  });

  it("moves the case version, so an owner acting on the page before the department's step gets a conflict", async () => {
    const c = await dispatchedCase();
    await act(cardsHandler, orderOf(c, cards), "accept");
    const stale = await owner.client.post(`/complaints/${c.id}/escalate`, {
      version: c.version,
      reason: "客户要求加急",
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: "version_conflict", currentVersion: c.version + 1 });
  });

  it("lets a supervisor sign for a department that cannot be reached, under the supervisor's number", async () => {
    const c = await dispatchedCase();
    const res = await act(supervisor, orderOf(c, branch), "accept");
    expect(res.status).toBe(200);
    expect(lastEvent(res.body)).toMatchObject({
      type: "work_order_accepted",
      actor: { agentNo: supervisor.user.agentNo },
    });
  });
});

describe("the department inbox", () => {
  let c: any;
  beforeAll(async () => {
    c = await dispatchedCase();
  });

  it("shows a handler only their own department's work orders", async () => {
    const res = await cardsHandler.client.get("/work-orders?limit=200");
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(new Set(res.body.items.map((o: any) => o.departmentId))).toEqual(new Set([cards.id]));
    expect(res.body.items.find((o: any) => o.complaintId === c.id)).toMatchObject({
      id: orderOf(c, cards).id,
      complaintNumber: c.number,
      subject: c.subject,
      departmentName: "信用卡中心",
      lead: true,
      status: "pending",
      allowedActions: ["accept", "return"],
    });
  });

  it("refuses a handler asking for another department's inbox", async () => {
    const res = await cardsHandler.client.get(`/work-orders?departmentId=${branch.id}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
    const own = await cardsHandler.client.get(`/work-orders?departmentId=${cards.id}`);
    expect(own.status).toBe(200);
  });

  it("lets a supervisor read any department's inbox, filtered by status", async () => {
    const res = await supervisor.client.get(
      `/work-orders?departmentId=${branch.id}&status=pending&limit=200`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const item of res.body.items)
      expect([item.departmentId, item.status]).toEqual([branch.id, "pending"]);
    expect(res.body.items.map((o: any) => o.id)).toContain(orderOf(c, branch).id);
  });

  it("pages through every order exactly once, including orders of one dispatch that share a timestamp", async () => {
    const all = (await supervisor.client.get("/work-orders?limit=200")).body.items.map(
      (o: any) => o.id,
    );
    expect(all.length).toBeGreaterThan(10);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await supervisor.client.get(
        `/work-orders?limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(res.status).toBe(200);
      paged.push(...res.body.items.map((o: any) => o.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it("shows an uninvolved department an inbox without this case", async () => {
    const res = await loansHandler.client.get("/work-orders?limit=200");
    expect(res.status).toBe(200);
    expect(res.body.items.map((o: any) => o.complaintId)).not.toContain(c.id);
  });
});
