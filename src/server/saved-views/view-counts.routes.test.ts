// The counts beside saved views: the same number the list would page through, within the caller's
// scope, capped at 1000.

import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeSavedView, mobile, type Staff } from "../../test/factories.js";
import type { Complaint, ComplaintListItem, Items, Page, ViewCount } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent", { displayName: "王芳" }),
  otherAgent: await w.staff("agent"),
  supervisor: await w.staff("supervisor", { displayName: "张主管" }),
}));

describe("counts", () => {
  let cardCenter: { id: string };
  let branch: { id: string };
  let handler: Staff;
  let quality: Staff;
  const phone = mobile();

  /** The list's query string for a filter set, as the workbench sends it. */
  function listQuery(filters: Record<string, unknown>, caller: Staff) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
      if (key === "mine") {
        if (value) params.set("ownerId", caller.user.id);
      } else for (const v of [value].flat()) params.append(key, String(v));
    }
    return params;
  }

  /** Pages through the list endpoint and counts what it shows. */
  async function listed(caller: Staff, filters: Record<string, unknown>) {
    let total = 0;
    let cursor: string | null = null;
    do {
      const params = listQuery(filters, caller);
      params.set("limit", "200");
      if (cursor) params.set("cursor", cursor);
      const res = await caller.client.get<Page<ComplaintListItem>>(`/complaints?${params}`);
      if (res.status !== 200) throw new Error(`list: ${res.status} ${JSON.stringify(res.body)}`);
      total += res.body.items.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    return total;
  }

  beforeAll(async () => {
    cardCenter = await world.department({ name: "信用卡中心" });
    branch = await world.department({ name: "营业部" });
    handler = await world.staff("department_handler", { departmentId: cardCenter.id });
    quality = await world.staff("quality");
    const command = async (c: Complaint, name: string, body: object) => {
      const res = await world.admin.post<Complaint>(`/complaints/${c.id}/${name}`, {
        version: c.version,
        ...body,
      });
      if (res.status !== 200) throw new Error(`${name}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const dispatch = (c: Complaint, departmentId: string) =>
      command(c, "dispatch", { departments: [{ departmentId }] });
    const assign = (c: Complaint, ownerId: string) => command(c, "assign", { ownerId });
    // A queue with something for every filter: owners, departments, kinds, categories, states.
    const cases = [
      await makeComplaint(world.agent.client, { subject: "年费被扣", category: "billing" }),
      await makeComplaint(world.agent.client, { kind: "inquiry", subject: "咨询积分" }),
      await makeComplaint(world.otherAgent.client, {
        subject: "网点排队太久",
        customer: { name: "赵六", phone },
      }),
      await makeComplaint(world.otherAgent.client, { subject: "ATM吞卡", category: "billing" }),
      await makeComplaint(world.supervisor.client, { subject: "理财收益不符" }),
      await makeComplaint(world.supervisor.client, { subject: "手机银行转账失败" }),
    ] as const;
    await assign(cases[0], world.agent.user.id);
    await dispatch(await assign(cases[1], world.agent.user.id), cardCenter.id);
    await dispatch(await assign(cases[2], world.otherAgent.user.id), cardCenter.id);
    await dispatch(cases[3], branch.id);
    const withdrawn = await dispatch(cases[4], cardCenter.id);
    await command(withdrawn, "withdraw", { reason: "客户撤诉" });
    await command(cases[5], "withdraw", { reason: "客户撤诉" });
  });

  const filterSets: Record<string, unknown>[] = [
    {},
    { open: true },
    { open: false },
    { status: "received" },
    { status: ["assigned", "dispatched"] },
    { mine: true, open: true },
    { kind: "inquiry" },
    { category: "billing", open: true },
    { q: "ATM" },
    { q: phone },
    { q: "赵六" },
  ];

  it("equal the number of rows the list endpoint gives, for each role and filter set", async () => {
    const departmentSets = [{ departmentId: cardCenter.id }, { departmentId: branch.id }];
    const seen: string[] = [];
    for (const caller of [world.agent, world.otherAgent, world.supervisor, handler, quality]) {
      const sets = [...filterSets, ...departmentSets, { ownerId: world.agent.user.id }];
      const res = await caller.client.post("/saved-views/counts", { filters: sets });
      expect(res.status).toBe(200);
      const expected = [];
      for (const filters of sets) {
        const n = await listed(caller, filters);
        expected.push({ count: n, capped: false });
      }
      expect(res.body.items, caller.user.role).toEqual(expected);
      seen.push(expected.map((e) => e.count).join(" "));
    }
    // Agents, supervisors and quality see every case (new ones start assigned to their intake
    // agent), the handler only the card center's three and none by the customer's phone, which
    // it sees masked; `mine` differs per person.
    expect(seen).toEqual([
      "6 4 2 0 4 2 1 2 1 1 1 3 1 2",
      "6 4 2 0 4 1 1 2 1 1 1 3 1 2",
      "6 4 2 0 4 0 1 2 1 1 1 3 1 2",
      "3 2 1 0 2 0 1 0 0 0 1 3 0 1",
      "6 4 2 0 4 0 1 2 1 1 1 3 1 2",
    ]);
  });

  it("keep to the caller's scope: a department handler counts only cases sent to the department", async () => {
    const [all, open, other] = (
      await handler.client.post<Items<ViewCount>>("/saved-views/counts", {
        filters: [{}, { open: true }, { departmentId: branch.id }],
      })
    ).body.items.map((c) => c.count);
    // Dispatched to the card center: the inquiry, 赵六's case, and the withdrawn one.
    expect([all, open, other]).toEqual([3, 2, 0]);
    // The handler sees the phone masked, so no count may reveal its digits, whole or in part.
    const byPhone = await handler.client.post<Items<ViewCount>>("/saved-views/counts", {
      filters: [{ q: phone }, { q: phone.slice(0, 7) }, { q: phone.slice(3) }],
    });
    expect(byPhone.body.items.map((c) => c.count)).toEqual([0, 0, 0]);
    expect(await listed(handler, { q: phone })).toBe(0);
  });

  it("count each of the caller's views, shared ones with `mine` as the viewer", async () => {
    const team = await makeSavedView(world.supervisor.client, {
      name: "我的未结（共享）",
      filters: { mine: true, open: true },
      shared: true,
    });
    const own = await makeSavedView(world.otherAgent.client, {
      name: "营业部",
      filters: { departmentId: branch.id },
    });
    const countsOf = async (caller: Staff) =>
      Object.fromEntries(
        (
          await caller.client.get<Items<ViewCount & { id: string }>>("/saved-views/counts")
        ).body.items.map((c) => [c.id, c]),
      );
    const mine = await countsOf(world.agent);
    const theirs = await countsOf(world.otherAgent);
    expect(mine[team.id]).toEqual({
      id: team.id,
      count: await listed(world.agent, { mine: true, open: true }),
      capped: false,
    });
    expect(mine[team.id]?.count).toBe(2);
    expect(theirs[team.id]?.count).toBe(1);
    expect(theirs[own.id]).toEqual({ id: own.id, count: 1, capped: false });
    expect(mine[own.id]).toBeUndefined();
  });

  it("stop at 1000 and say there are more", async () => {
    // 1,001 finished cases of a category of their own, written straight to the database.
    const { rows } = await world.server.db.$client.query(
      "select customer_id, created_by_id from complaints limit 1",
    );
    await world.server.db.execute(sql`
      insert into complaints (number, kind, channel, customer_id, subject, description, status, category, due_at, created_by_id)
      select 'CAP' || g, 'complaint', 'phone', ${rows[0].customer_id}, '批量', '批量', 'closed', 'cap_test', now(), ${rows[0].created_by_id}
      from generate_series(1, 1001) g`);
    const res = await world.supervisor.client.post("/saved-views/counts", {
      filters: [{ category: "cap_test" }, { category: "cap_test", open: true }],
    });
    expect(res.body.items).toEqual([
      { count: 1000, capped: true },
      { count: 0, capped: false },
    ]);
    expect(await listed(world.supervisor, { category: "cap_test" })).toBe(1001);
  });

  it("refuses more than 30 filter sets in one request", async () => {
    const res = await world.agent.client.post("/saved-views/counts", {
      filters: Array.from({ length: 31 }, () => ({})),
    });
    expect(res.status).toBe(400);
  });
});
