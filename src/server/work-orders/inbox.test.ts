// A department's inbox as its handler reads it: what is owed, soonest due first; what has left
// its hands, latest first with when; how many of each; the 重办 round of each order.

import { beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, type Staff } from "../../test/factories.js";
import { DAY, later } from "../../test/sweep-at.js";
import type { Complaint, InboxList } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

type Inbox = InboxList;

const world = setupWorld(async (w) => {
  const cards = await w.department({ name: "信用卡中心" });
  return {
    cards,
    owner: await w.staff("agent"),
    specialist: await w.staff("specialist"),
    handler: await w.staff("department_handler", { departmentId: cards.id }),
  };
});

/** A case owned by the agent, due in `days` (an upper-level transfer's deadline), sent to the card center. */
async function dispatched(subject: string, days: number) {
  const c = await makeComplaint(world.owner.client, {
    subject,
    ownerId: world.owner.user.id,
    source: {
      type: "transfer",
      hotline: "12345",
      externalNo: `ZB-${subject}`,
      externalDueAt: later(days * DAY).toISOString(),
    },
  });
  const res = await world.owner.client.post<Complaint>(`/complaints/${c.id}/dispatch`, {
    version: c.version,
    departments: [{ departmentId: world.cards.id, lead: true }],
  });
  expect(res.status).toBe(200);
  return res.body;
}

const orderOf = (c: Complaint) => c.workOrders.at(-1)!;
const act = async (staff: Staff, c: Complaint, command: string, body: object = {}) => {
  const res = await staff.client.post<Complaint>(`/work-orders/${orderOf(c).id}/${command}`, body);
  expect(res.status).toBe(200);
  return res.body;
};
const inbox = async (query: string) => {
  const res = await world.handler.client.get<Inbox>(`/work-orders?${query}`);
  expect(res.status).toBe(200);
  return res.body;
};
const subjects = (page: Inbox) => page.items.map((i) => i.subject);

describe("the department inbox", () => {
  let returned: Complaint;
  let completed: Complaint;
  let cancelled: Complaint;

  beforeAll(async () => {
    await dispatched("五天后到期", 5);
    await act(world.handler, await dispatched("两天后到期", 2), "accept");
    await dispatched("九天后到期", 9);
    returned = await act(world.handler, await dispatched("退回的", 3), "return", {
      reason: "属地不符",
    });
    completed = await act(world.handler, await dispatched("办完的", 4), "accept");
    completed = await act(world.handler, completed, "result", {
      result: "已核实处理",
      substantiated: true,
      responsibility: "company",
    });
    cancelled = await dispatched("撤销的", 6);
    const withdrawn = await world.owner.client.post<Complaint>(
      `/complaints/${cancelled.id}/withdraw`,
      { version: cancelled.version },
    );
    expect(withdrawn.status).toBe(200);
    cancelled = withdrawn.body;
  });

  it("lists what the department owes, waiting and in hand, soonest due first", async () => {
    const page = await inbox("status=pending&status=accepted&sort=due");
    expect(subjects(page)).toEqual(["两天后到期", "五天后到期", "九天后到期"]);
    const first = page.items[0]!;
    expect(first).toMatchObject({ status: "accepted", round: 0, finishedAt: null });
    // Without a clock of its own the order is due when its case is.
    expect(first.dueAt).toBe(first.complaintDueAt);
  });

  it("records when an order left the department's hands: its result, its return, its cancellation", async () => {
    expect(orderOf(returned).finishedAt).not.toBeNull();
    expect(orderOf(completed).finishedAt).toBe(orderOf(completed).completedAt);
    expect(orderOf(cancelled)).toMatchObject({ status: "cancelled" });
    expect(orderOf(cancelled).finishedAt).not.toBeNull();
    const done = await inbox("status=completed&status=returned&status=cancelled&sort=finished");
    // The latest first.
    expect(subjects(done)).toEqual(["撤销的", "办完的", "退回的"]);
    expect(done.items.map((i) => i.finishedAt)).toEqual([
      orderOf(cancelled).finishedAt,
      orderOf(completed).finishedAt,
      orderOf(returned).finishedAt,
    ]);
  });

  it("pages by due time and by finishing time, every order once", async () => {
    for (const query of ["sort=due", "sort=finished", "sort=newest"]) {
      const all = subjects(await inbox(`${query}&limit=50`));
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Inbox = await inbox(`${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        paged.push(...subjects(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all);
    }
    // Finished orders only in the finished order: nothing owed has finished.
    expect(subjects(await inbox("sort=finished"))).toHaveLength(3);
  });

  it("counts the orders in each state with counts=true, on the first page only", async () => {
    const page = await inbox("status=pending&sort=due&counts=true&limit=1");
    expect(page.counts).toEqual({
      pending: { count: 2, capped: false },
      accepted: { count: 1, capped: false },
      returned: { count: 1, capped: false },
      completed: { count: 1, capped: false },
      cancelled: { count: 1, capped: false },
    });
    expect((await inbox("status=pending&sort=due")).counts).toBeUndefined();
    const next = await inbox(`status=pending&sort=due&counts=true&cursor=${page.nextCursor}`);
    expect(next.counts).toBeUndefined();
    // A specialist reading every department's inbox counts them all.
    const everyone = await world.specialist.client.get<Inbox>("/work-orders?counts=true");
    expect(everyone.body.counts?.pending.count).toBe(2);
  });

  it("shows the 重办 round of an order sent again after the customer was dissatisfied", async () => {
    let c = await dispatched("重办的", 8);
    c = await act(world.handler, c, "accept");
    c = await act(world.handler, c, "result", {
      result: "已处理",
      substantiated: false,
      responsibility: "customer",
    });
    const reply = await world.owner.client.post<Complaint>(`/complaints/${c.id}/reply`, {
      version: c.version,
      message: "已处理完毕",
    });
    const visit = await world.specialist.client.post<Complaint>(`/complaints/${c.id}/follow-up`, {
      version: reply.body.version,
      satisfaction: "dissatisfied",
      note: "不满意",
    });
    expect(visit.body.status).toBe("reopened");
    const again = await world.owner.client.post<Complaint>(`/complaints/${c.id}/dispatch`, {
      version: visit.body.version,
      departments: [{ departmentId: world.cards.id, lead: true }],
    });
    expect(again.status).toBe(200);
    const owed = await inbox("status=pending&sort=due");
    expect(owed.items.find((i) => i.complaintId === c.id)).toMatchObject({ round: 1 });
  });
});

describe("an order with a clock of its own", () => {
  it("is due when its department must sign for it, not when the case is", async () => {
    const created = await world.admin.post("/sla/policies", {
      id: "cards-acceptance",
      name: "部门 2 小时签收",
      order: 1,
      match: { categories: ["billing"] },
      targets: {
        customerReply: { amount: 15, unit: "calendar_days" },
        departmentAcceptance: { amount: 2, unit: "hours" },
      },
      warnAtShare: 0.75,
    });
    expect(created.status).toBe(201);
    const c = await makeComplaint(world.owner.client, {
      category: "billing",
      subject: "两小时内签收",
      ownerId: world.owner.user.id,
    });
    const sent = await world.owner.client.post<Complaint>(`/complaints/${c.id}/dispatch`, {
      version: c.version,
      departments: [{ departmentId: world.cards.id, lead: true }],
    });
    const clock = sent.body.clocks.find((k) => k.name === "departmentAcceptance")!;
    const [first] = (await inbox("status=pending&sort=due")).items;
    expect(first).toMatchObject({ subject: "两小时内签收", dueAt: clock.dueAt });
    expect(Date.parse(first!.dueAt)).toBeLessThan(Date.parse(first!.complaintDueAt!));
    await world.admin.patch("/sla/policies/cards-acceptance", {
      active: false,
      version: created.body.version,
    });
  });
});
