import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { kpis } from "../../domain/kpi/kpis.js";
import { reportGroupings } from "../../domain/kpi/report-scope.js";
import type { ApiClient } from "../../test/api-client.js";
import { closeWithFinding } from "../../test/complaint-kit.js";
import { makeComplaint } from "../../test/factories.js";
import { historyRow, historySheet, uploadHistory } from "../../test/history-kit.js";
import type {
  CausesReport,
  Complaint,
  ComplaintListItem,
  KpiReport,
  Page,
  RegulatorReport,
  TrendReport,
} from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

// A center-wide report reads the daily rollup; any filter reads the facts. Every case here is a
// complaint, so `kind=complaint` selects the same cases through the facts: both must answer alike.

const world = setupWorld(async (w) => ({
  owner: await w.staff("agent", { agentNo: "3001" }),
  visitor: await w.staff("agent", { agentNo: "3002" }),
  supervisor: await w.staff("supervisor"),
  billing: await w.department({ name: "电费核算中心" }),
}));

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const march = "from=2026-03-01&to=2026-03-31";
const marchToToday = `from=2026-03-01&to=${today}`;

const visited = (closed: string, replied: string, visit: string) => ({
  承办人工号: "3001",
  答复时间: replied,
  答复内容: "已核实处理",
  回访时间: visit,
  满意度: "满意",
  回访人工号: "3002",
  办结时间: closed,
  办结说明: "客户认可",
  责任认定: "company",
  是否属实: "是",
});

/**
 * March: closed within the month; closed on 2 April (open when March ended); closed at the very
 * midnight March ends (closed by then); never answered; answered, not closed.
 */
const marchCases = [
  historyRow({
    原系统编号: "R-1",
    受理时间: "2026-03-02 09:00",
    诉求描述: "三月电费多扣",
    渠道: "电话",
    投诉类别: "计费",
    ...visited("2026-03-06 09:00", "2026-03-03 09:00", "2026-03-05 10:00"),
  }),
  historyRow({
    原系统编号: "R-2",
    受理时间: "2026-03-30 10:00",
    诉求描述: "营业厅排队两小时",
    ...visited("2026-04-02 09:00", "2026-03-31 10:00", "2026-04-01 10:00"),
  }),
  historyRow({
    原系统编号: "R-3",
    受理时间: "2026-03-31 22:00",
    诉求描述: "抄表员态度恶劣",
    渠道: "电话",
    ...visited("2026-04-01 00:00", "2026-03-31 23:10", "2026-03-31 23:40"),
  }),
  historyRow({ 原系统编号: "R-4", 受理时间: "2026-03-20 08:00", 诉求描述: "停电未提前通知" }),
  historyRow({
    原系统编号: "R-5",
    受理时间: "2026-03-25 08:00",
    诉求描述: "表计读数异常",
    承办人工号: "3001",
    答复时间: "2026-03-26 08:00",
    答复内容: "已派人核查",
  }),
];

/** Replied and closed on the spot (the customer confirmed at the reply). */
async function replyAndClose(client: ApiClient, c: Complaint) {
  const replied = await client.command(c.id, "reply", {
    version: c.version,
    message: "已处理完毕",
  });
  return closeWithFinding(client, replied);
}

beforeAll(async () => {
  const imported = await uploadHistory(world.admin, await historySheet(marchCases));
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  const { owner, billing } = world;
  const mine = (overrides: Record<string, unknown> = {}) =>
    makeComplaint(owner.client, { ownerId: owner.user.id, ...overrides });
  await replyAndClose(owner.client, await mine({ causes: ["process"], channel: "counter" }));
  const dispatched = await mine({ category: "billing", causes: ["process", "felt_ignored"] });
  await owner.client.command(dispatched.id, "dispatch", {
    version: dispatched.version,
    departments: [{ departmentId: billing.id }],
  });
  const withdrawn = await mine();
  await owner.client.command(withdrawn.id, "withdraw", { version: withdrawn.version });
});

const get = async <T>(client: ApiClient, path: string) => {
  const res = await client.get<T>(path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

/** The answer read from the rollup, and the same question read from the facts. */
const both = async <T>(path: string) => {
  const client = world.supervisor.client;
  return [await get<T>(client, path), await get<T>(client, `${path}&kind=complaint`)] as const;
};

describe("reports read from the daily rollup", () => {
  it("give every KPI of every grouping as the facts do, for a past month and up to today", async () => {
    for (const period of [march, marchToToday])
      for (const groupBy of reportGroupings) {
        const [rollup, facts] = await both<KpiReport>(`/reports/kpis?${period}&groupBy=${groupBy}`);
        expect(rollup, `${period} by ${groupBy}`).toEqual(facts);
      }
  });

  it("judge March's backlog at its end: closed in April counts, closed at the midnight does not", async () => {
    const report = await get<KpiReport>(world.supervisor.client, `/reports/kpis?${march}`);
    expect(report.total.figures.accepted!.value).toBe(5);
    expect(report.total.figures.backlog!.value).toBe(3);
    // R-4, received 20 March 08:00, to 1 April 00:00: 11 days 16 hours.
    expect(report.total.figures.oldestOpenDays!.value).toBe(11.7);
    // Closed is as the case stands now: R-2 closed in April is closed.
    expect(report.total.figures.closedRate).toMatchObject({ count: 3, over: 5 });
  });

  it("draw every KPI's trend by day, week and month as the facts do", async () => {
    for (const interval of ["day", "week", "month"])
      for (const kpi of kpis) {
        const path = `/reports/trend?${marchToToday}&metric=${kpi.id}&interval=${interval}`;
        const [rollup, facts] = await both<TrendReport>(path);
        expect(rollup.points, `${kpi.id} by ${interval}`).toEqual(facts.points);
      }
  });

  it("count the causes' Pareto as the facts do", async () => {
    const [rollup, facts] = await both<CausesReport>(`/reports/causes?${marchToToday}`);
    expect(rollup).toEqual(facts);
    expect(rollup.causes.map((c) => c.key)).toEqual(["process", "felt_ignored"]);
  });

  it("give the regulator's table the KPI table's counts, by channel and in total", async () => {
    const client = world.supervisor.client;
    const regulator = await get<RegulatorReport>(client, "/reports/regulator?period=2026-03");
    const facts = await get<KpiReport>(
      client,
      `/reports/kpis?${march}&groupBy=channel&kind=complaint`,
    );
    const count = (r: KpiReport["total"], id: string) => r.figures[id]!.count;
    expect(regulator.total).toEqual({
      accepted: count(facts.total, "accepted"),
      closed: count(facts.total, "closedRate"),
      closedOnTime: count(facts.total, "onTimeRate"),
      substantiated: count(facts.total, "substantiated"),
    });
    const byChannel = new Map<string | null, number>();
    for (const row of regulator.rows)
      byChannel.set(row.channel.key, (byChannel.get(row.channel.key) ?? 0) + row.accepted);
    expect(Object.fromEntries(byChannel)).toEqual(
      Object.fromEntries(facts.rows.map((r) => [r.key, count(r, "accepted")])),
    );
  });

  it("count a change at once: the day it touched is rebuilt before the report reads", async () => {
    const before = await get<KpiReport>(world.supervisor.client, `/reports/kpis?${marchToToday}`);
    const open = await makeComplaint(world.owner.client, { ownerId: world.owner.user.id });
    await replyAndClose(world.owner.client, open);
    const [rollup, facts] = await both<KpiReport>(`/reports/kpis?${marchToToday}`);
    expect(rollup).toEqual(facts);
    expect(rollup.total.figures.closedRate!.count).toBe(
      before.total.figures.closedRate!.count! + 1,
    );
  });

  it("add up a month that has ended into monthly rows, rebuilt when one of its cases changes", async () => {
    const db = world.server.db;
    const before = await get<KpiReport>(world.supervisor.client, `/reports/kpis?${march}`);
    const built = await db.execute(sql`select month::text from report_rollup_months`);
    expect(built.rows).toContainEqual({ month: "2026-03-01" });
    const found = await get<Page<ComplaintListItem>>(
      world.supervisor.client,
      "/complaints?q=表计读数异常",
    );
    const r5 = await get<Complaint>(world.owner.client, `/complaints/${found.items[0]!.id}`);
    expect((await closeWithFinding(world.owner.client, r5)).status).toBe("closed");
    const [rollup, facts] = await both<KpiReport>(`/reports/kpis?${march}`);
    expect(rollup).toEqual(facts);
    expect(rollup.total.figures.closedRate!.count).toBe(
      before.total.figures.closedRate!.count! + 1,
    );
  });

  it("start over when the KPIs' layout is not the one the rollup was built with", async () => {
    const db = world.server.db;
    await db.execute(sql`update report_rollup_state set layout = 'a KPI list of an older kesu'`);
    await db.execute(sql`update report_rollup set sums = array_fill(0::bigint, array[50])`);
    const [rollup, facts] = await both<KpiReport>(`/reports/kpis?${marchToToday}`);
    expect(rollup).toEqual(facts);
    const { rows } = await db.execute<{ layout: string }>(
      sql`select layout from report_rollup_state`,
    );
    expect(rows[0]!.layout).not.toBe("a KPI list of an older kesu");
  });
});
