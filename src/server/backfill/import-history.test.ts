import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ApiClient } from "../../test/api-client.js";
import { makeComplaint, mobile } from "../../test/factories.js";
import { type HistoryRow, historySheet, uploadHistory } from "../../test/history-kit.js";
import type { Complaint, KpiReport, Problem } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

// An earlier system's cases, from the months before kesu: each step at its own time, so the
// statistics of those months count them as they happened.

const world = setupWorld(async (w) => {
  const owner = await w.staff("agent", { agentNo: "2001", displayName: "刘洋" });
  const visitor = await w.staff("agent", { agentNo: "2002", displayName: "陈静" });
  const supervisor = await w.staff("supervisor");
  const hook = await w.admin.ok<{ id: string }>("POST", "/webhooks", {
    url: "http://127.0.0.1:9/hook",
    events: [],
  });
  return { owner, visitor, supervisor, hook };
});

type Row = HistoryRow;

/** A March case closed after a visit; a replied one; one still open; one with its steps reversed. */
const rows = (tag: string): Row[] => [
  [
    `${tag}-1`,
    "2026-03-02 09:00",
    "赵敏",
    mobile(),
    "电话",
    "电费多扣",
    "三月电费多扣了两百元",
    "计费",
    "2001",
    "2026-03-03 09:00",
    "已核实退还多扣电费",
    "2026-03-05 10:00",
    "满意",
    "2002",
    "2026-03-06 09:00",
    "退费到账，客户认可",
    "company",
    "是",
  ],
  [
    `${tag}-2`,
    "2026-03-10 14:30",
    "钱伟",
    mobile(),
    "phone",
    null,
    "营业厅排队两小时无人处理",
    null,
    "2001",
    "2026-03-12 14:30",
    "已向营业厅核实并致歉",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
  [
    `${tag}-3`,
    "2026-03-20 08:00",
    null,
    mobile(),
    null,
    null,
    "停电未提前通知",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
  [
    `${tag}-4`,
    "2026-03-21 08:00",
    "孙丽",
    mobile(),
    null,
    null,
    "表计读数异常",
    null,
    "2001",
    "2026-03-20 08:00",
    "已派人核查",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ],
];

const byNumber = async (client: ApiClient, number: string) => {
  const { rows } = await world.server.db.execute<{ id: string }>(
    sql`select id from complaints where number = ${number}`,
  );
  return (await client.get<Complaint>(`/complaints/${rows[0]!.id}`)).body;
};

describe("POST /imports/history", () => {
  it("replays each case's steps at their own times and refuses a row whose steps go backwards", async () => {
    const res = await uploadHistory(world.admin, await historySheet(rows("A")));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.taken.map((t: { legacyNo: string }) => t.legacyNo)).toEqual([
      "A-1",
      "A-2",
      "A-3",
    ]);
    expect(res.body.refused).toEqual([
      { row: 4, legacyNo: "A-4", reasons: ["steps_out_of_order"] },
    ]);

    const closed = await byNumber(world.admin, res.body.taken[0]!.number);
    expect(closed).toMatchObject({ status: "closed", satisfaction: "satisfied", channel: "phone" });
    expect(closed.receivedAt).toBe("2026-03-02T01:00:00.000Z");
    expect(closed.closedAt).toBe("2026-03-06T01:00:00.000Z");
    expect(closed.owner).toMatchObject({ agentNo: "2001" });
    const at = (type: string) => closed.timeline.find((e) => e.type === type)?.at;
    expect(at("created")).toBe("2026-03-02T01:00:00.000Z");
    expect(at("imported")).toBe("2026-03-02T01:00:00.000Z");
    expect(at("replied")).toBe("2026-03-03T01:00:00.000Z");
    expect(at("followed_up")).toBe("2026-03-05T02:00:00.000Z");
    expect(at("closed")).toBe("2026-03-06T01:00:00.000Z");
    const visit = closed.timeline.find((e) => e.type === "followed_up");
    expect(visit?.actor).toMatchObject({ agentNo: "2002" });

    const replied = await byNumber(world.admin, res.body.taken[1]!.number);
    expect(replied.status).toBe("replied");
    const open = await byNumber(world.admin, res.body.taken[2]!.number);
    expect(open.status).toBe("received");
    expect(open.customer.name).toMatch(/^客户\d{4}$/);
    // Nothing of history is news to the webhooks, and no customer is told anything…
    const hookRows = async () => {
      const { rows } = await world.server.db.execute<{ n: number }>(sql`
        select count(*)::int as n from outbox where webhook_id = ${world.hook.id}`);
      return rows[0]!.n;
    };
    expect(await hookRows()).toBe(0);
    const { rows: contacts } = await world.server.db.execute<{
      direction: string;
      late: boolean;
    }>(sql`
      select k.direction, k.at <> c.received_at as late from contacts k
      join imported_cases i on i.complaint_id = k.complaint_id join complaints c on c.id = k.complaint_id`);
    // The call that opened each case, then; nothing sent to the customer.
    expect(contacts).toEqual(Array(3).fill({ direction: "inbound", late: false }));
    // … while today's case is.
    await makeComplaint(world.owner.client);
    expect(await hookRows()).toBeGreaterThan(0);
  });

  it("counts the imported March in that month's report, first response and all", async () => {
    const report = await world.supervisor.client.get<KpiReport>(
      "/reports/kpis?from=2026-03-01&to=2026-03-31",
    );
    expect(report.status).toBe(200);
    const t = report.body.total.figures;
    expect(t.accepted?.value).toBe(3);
    expect(t.closedRate).toMatchObject({ count: 1, over: 3 });
    expect(t.satisfactionRate).toMatchObject({ value: 100, count: 1, over: 1 });
    // 24 h and 48 h to the first reply: the median of the two.
    expect(Number(t.medianFirstResponseHours?.value)).toBe(36);
  });

  it("adds nothing the second time, and audits each case it took with the admin's 工号", async () => {
    const again = await uploadHistory(world.admin, await historySheet(rows("A").slice(0, 3)));
    expect(again.body.taken).toEqual([]);
    expect(again.body.alreadyImported.map((r: { legacyNo: string }) => r.legacyNo)).toEqual([
      "A-1",
      "A-2",
      "A-3",
    ]);
    const { rows: audit } = await world.server.db.execute<{ n: number; agent: string }>(sql`
      select count(*)::int as n, min(actor_agent_no) as agent from audit_log
      where action = 'import' and entity = 'complaint' and data->>'system' = '旧客服系统'`);
    expect(audit[0]!.n).toBe(3);
    expect(audit[0]!.agent).toBeTruthy();
  });

  it("refuses a row whole when kesu refuses one of its steps, leaving nothing of it", async () => {
    const unknownOwner = rows("B")
      .slice(0, 1)
      .map((r) => r.map((c, i) => (i === 8 ? "9999" : c)));
    const res = await uploadHistory(world.admin, await historySheet(unknownOwner));
    expect(res.body.refused).toEqual([
      { row: 1, legacyNo: "B-1", reasons: ["unknown_agent_no"], detail: "9999" },
    ]);
    const { rows: left } = await world.server.db.execute<{ n: number }>(sql`
      select count(*)::int as n from complaints where description = '三月电费多扣了两百元'`);
    expect(left[0]!.n).toBe(1);
  });

  it("is an admin's alone: a supervisor is refused in their language", async () => {
    const res = await uploadHistory(world.supervisor.client, await historySheet(rows("C")));
    expect(res.status).toBe(403);
    expect((res.body as unknown as Problem).code).toBe("forbidden");
  });
});
