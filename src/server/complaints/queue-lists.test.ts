// What the work queue shows of each case beyond the case itself (owner, next promise, a missed or
// warned deadline), the filters and order a supervisor's team view uses, and the staff list's
// open cases for the reassign dialog.

import { beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../../test/api-client.js";
import { makeComplaint, type Staff } from "../../test/factories.js";
import { DAY, HOUR, later, sweepAt } from "../../test/sweep-at.js";
import type { Complaint, ComplaintListItem, Page } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

/** Team A: two agents and their supervisor; team B: one agent. */
const world = setupWorld(async (w) => {
  const teamA = await w.department({ name: "客服一组" });
  const teamB = await w.department({ name: "客服二组" });
  return {
    teamA,
    teamB,
    a1: await w.staff("agent", { departmentId: teamA.id, displayName: "王芳", agentNo: "1021" }),
    a2: await w.staff("agent", { departmentId: teamA.id, displayName: "李娜" }),
    supervisor: await w.staff("supervisor", { departmentId: teamA.id, displayName: "李建国" }),
    b1: await w.staff("agent", { departmentId: teamB.id }),
    handler: await w.staff("department_handler", { departmentId: teamB.id }),
  };
});

async function listed(client: ApiClient, query: string) {
  const res = await client.get<Page<ComplaintListItem>>(`/complaints?${query}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

async function promise(staff: Staff, c: Complaint, inHours: number) {
  const dueAt = later(inHours * HOUR).toISOString();
  const res = await staff.client.post(`/complaints/${c.id}/callback`, { dueAt, note: "回电" });
  expect(res.status).toBe(200);
  return dueAt;
}

describe("the work queue's columns and the team's missed and warned deadlines", () => {
  const category = "queue_probe";
  /** c1 (a1, a callback missed), c2 (a2, reply warned), c3 (b1, a callback missed), c4 (nobody's, warned, due first). */
  let c1: Complaint;
  let c2: Complaint;
  let c3: Complaint;
  let c4: Complaint;
  let c1Callback: string;
  let c3Callback: string;
  let fresh: Complaint;

  beforeAll(async () => {
    await world.admin.post("/taxonomies/category", {
      code: category,
      labelZh: "队列测试",
      labelEn: "Queue probe",
    });
    const make = (staff: Staff, subject: string, extra: Record<string, unknown> = {}) =>
      makeComplaint(staff.client, { category, subject, ownerId: staff.user.id, ...extra });
    c1 = await make(world.a1, "ATM吞卡未退还");
    c2 = await make(world.a2, "网银转账失败");
    c3 = await make(world.b1, "理财收益不符");
    // Transferred with a 13-day deadline: warned on day 12 too, but due before c2.
    c4 = await make(world.a1, "柜台排队过久", {
      ownerId: undefined,
      source: {
        type: "transfer",
        hotline: "12345",
        externalNo: "ZB-QUEUE-1",
        externalDueAt: later(13 * DAY).toISOString(),
      },
    });
    c1Callback = await promise(world.a1, c1, 2);
    // Of two open promises the sooner is the next one.
    await promise(world.a1, c1, 30);
    c3Callback = await promise(world.b1, c3, 5);
    // 12 days on: the 15-day reply clocks are past their 75% warning, the callbacks missed.
    await sweepAt(world.server.db, later(12 * DAY));
    // A case made after the sweep: nothing fired on it.
    fresh = await make(world.a2, "新来电");
  });

  it("shows each row's owner with 工号 and the next open callback", async () => {
    const rows = await listed(world.supervisor.client, `category=${category}&sort=due&limit=50`);
    const row = (c: Complaint) => rows.find((r) => r.id === c.id)!;
    expect(row(c1).owner).toEqual({ id: world.a1.user.id, name: "王芳", agentNo: "1021" });
    expect(row(c4).owner).toBeNull();
    expect(row(c1).nextCallbackAt).toBe(c1Callback);
    expect(row(c2).nextCallbackAt).toBeNull();
  });

  it("counts a missed promise as owed until a call makes up for it, which also ends its lateness", async () => {
    const c = await makeComplaint(world.b1.client, { category, ownerId: world.b1.user.id });
    const due = await promise(world.b1, c, 1);
    await sweepAt(world.server.db, later(2 * HOUR));
    const rowOf = async () =>
      (await listed(world.b1.client, `category=${category}&sort=due&limit=50`)).find(
        (r) => r.id === c.id,
      )!;
    expect(await rowOf()).toMatchObject({ nextCallbackAt: due, attention: { level: "breached" } });
    const called = await world.b1.client.post(`/complaints/${c.id}/contact`, {
      direction: "outbound",
      channel: "phone",
      summary: "已回电客户，致歉并说明进度",
    });
    expect(called.status).toBe(200);
    expect(called.body.callbacks[0]).toMatchObject({ status: "missed" });
    expect(called.body.callbacks[0].doneAt).not.toBeNull();
    expect(called.body.timeline.at(-1)).toMatchObject({
      type: "callback_done",
      data: { late: true },
    });
    expect(await rowOf()).toMatchObject({ nextCallbackAt: null, attention: null });
    await world.b1.client.post(`/complaints/${c.id}/withdraw`, { version: called.body.version });
  });

  it("marks the first missed or warned running deadline of a row, and nothing on a fresh case", async () => {
    const rows = await listed(world.supervisor.client, `category=${category}&sort=due&limit=50`);
    const row = (c: Complaint) => rows.find((r) => r.id === c.id)!;
    expect(row(c1).attention).toMatchObject({ level: "breached", clock: "callback" });
    // A callback's clock runs whole minutes from the promise: due within a minute after it.
    const late = Date.parse(row(c1).attention!.at) - Date.parse(c1Callback);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(60_000);
    expect(row(c2).attention).toEqual({
      level: "warned",
      clock: "customerReply",
      at: c2.dueAt,
    });
    expect(row(fresh).attention).toBeNull();
  });

  it("filters missed (breached), warned, or both, and lists them the latest first with sort=late", async () => {
    const ids = (rows: ComplaintListItem[]) => rows.map((r) => r.id);
    const q = `category=${category}`;
    expect(ids(await listed(world.supervisor.client, `${q}&sla=breached&sort=late`))).toEqual([
      c1.id,
      c3.id,
    ]);
    expect(ids(await listed(world.supervisor.client, `${q}&sla=warned&sort=late`))).toEqual([
      c4.id,
      c2.id,
    ]);
    const late = ids(await listed(world.supervisor.client, `${q}&sort=late`));
    expect(late).toEqual([c1.id, c3.id, c4.id, c2.id]);
    // One row a page, each exactly once, in the same order.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: Page<ComplaintListItem> } = await world.supervisor.client.get(
        `/complaints?${q}&sort=late&limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      paged.push(...res.body.items.map((r) => r.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(late);
  });

  it("narrows to the caller's team (owners in their department) with team=true", async () => {
    const q = `category=${category}&team=true&sort=late`;
    expect((await listed(world.supervisor.client, q)).map((r) => r.id)).toEqual([c1.id, c2.id]);
    // Team B's agent sees team B's.
    expect((await listed(world.b1.client, q)).map((r) => r.id)).toEqual([c3.id]);
  });

  it("counts a view of the team's missed and warned cases as its list has them", async () => {
    const res = await world.supervisor.client.post("/saved-views/counts", {
      filters: [
        { category, open: true, team: true, sla: ["breached", "warned"] },
        { category, sla: ["breached"] },
        { category, sla: "warned", team: true },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { count: number }) => c.count)).toEqual([2, 2, 1]);
  });

  it("gives each person's open cases in the staff list when asked, never to a department", async () => {
    const res = await world.supervisor.client.get<{
      items: { id: string; openCases?: number }[];
    }>("/users?openCases=true");
    expect(res.status).toBe(200);
    const open = (staff: Staff) => res.body.items.find((u) => u.id === staff.user.id)?.openCases;
    expect(open(world.a1)).toBe(1);
    expect(open(world.a2)).toBe(2);
    expect(open(world.supervisor)).toBe(0);
    const withdrawn = await world.a2.client.post(`/complaints/${fresh.id}/withdraw`, {
      version: fresh.version,
    });
    expect(withdrawn.status).toBe(200);
    const after = await world.supervisor.client.get<{
      items: { id: string; openCases?: number }[];
    }>("/users?openCases=true");
    expect(after.body.items.find((u) => u.id === world.a2.user.id)?.openCases).toBe(1);
    // Without the parameter the list is as it was; a department handler may not ask.
    const plain = await world.supervisor.client.get<{ items: object[] }>("/users");
    expect(plain.body.items.every((u) => !("openCases" in u))).toBe(true);
    expect((await world.handler.client.get("/users?openCases=true")).status).toBe(403);
    expect(c3Callback).toBeDefined();
  });
});
