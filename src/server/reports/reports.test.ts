import { type SQL, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { CaseFacts } from "../../domain/kpi/case-facts.js";
import { aggregate, kpiValue } from "../../domain/kpi/kpi-measure.js";
import { kpis } from "../../domain/kpi/kpis.js";
import type { ApiClient } from "../../test/api-client.js";
import { recordFinding } from "../../test/complaint-kit.js";
import { xlsxRows } from "../../test/export-kit.js";
import { makeComplaint, type Staff } from "../../test/factories.js";
import type { CausesReport, Complaint, RegulatorReport, TrendReport } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";
import { liveCaseFactsSql } from "./case-facts.sql.js";
import { catchUpCaseFacts } from "./refresh-case-facts.js";

const world = setupWorld(async (w) => {
  const billing = await w.department({ name: "电费核算中心" });
  const cards = await w.department({ name: "信用卡中心" });
  return {
    billing,
    cards,
    agentA: await w.staff("agent"),
    agentB: await w.staff("agent"),
    supervisor: await w.staff("supervisor"),
    quality: await w.staff("quality"),
    handler: await w.staff("department_handler", { departmentId: billing.id }),
  };
});

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
const period = `from=${today}&to=${today}`;

const own = (agent: Staff, overrides: Record<string, unknown> = {}) =>
  makeComplaint(agent.client, { ownerId: agent.user.id, ...overrides });

async function replyAndClose(client: ApiClient, c: Complaint, satisfaction = "satisfied") {
  let after = await client.command(c.id, "reply", { version: c.version, message: "已处理完毕" });
  // The follow-up visit is someone else's (the center's default): quality's.
  after = await world.quality.client.command(c.id, "follow-up", {
    version: after.version,
    satisfaction,
  } as never);
  if (after.status === "reopened") return after;
  // The owner confirms what the lead department found (or, with no department, finds it not 属实).
  const judged = await recordFinding(client, after, {
    responsibility: after.responsibility ?? "company",
    substantiated: after.substantiated ?? false,
  });
  return client.command(c.id, "close", { version: judged.version, reason: "客户满意" });
}

const dispatch = (client: ApiClient, c: Complaint, departmentId: string) =>
  client.command(c.id, "dispatch", { version: c.version, departments: [{ departmentId }] });

beforeAll(async () => {
  const { agentA, agentB, handler, billing, cards } = world;
  // A's: closed on the spot with a refund; returned by billing and sent on to cards; withdrawn.
  const a1 = await own(agentA, { channel: "counter", category: "billing", causes: ["process"] });
  await agentA.client.post(`/complaints/${a1.id}/remedies`, {
    type: "refund",
    amount: "20.00",
    reason: "多收手续费",
  });
  await replyAndClose(agentA.client, a1);
  const a2 = await dispatch(agentA.client, await own(agentA), billing.id);
  await handler.client.post(`/work-orders/${a2.workOrders[0]!.id}/return`, { reason: "职能不符" });
  await dispatch(agentA.client, await agentA.client.complaint(a2.id), cards.id);
  const a3 = await own(agentA, { category: "price" });
  await agentA.client.command(a3.id, "withdraw", { version: a3.version });

  // B's: billing found it substantiated, the customer was not satisfied (重办), then closed; a
  // repeat merged into it; an escalated regulator transfer the customer chased three more times.
  let b1 = await dispatch(agentB.client, await own(agentB), billing.id);
  await handler.client.post(`/work-orders/${b1.workOrders[0]!.id}/accept`, {});
  await handler.client.post(`/work-orders/${b1.workOrders[0]!.id}/result`, {
    result: "核实多收电费",
    substantiated: true,
    responsibility: "company",
  });
  b1 = await replyAndClose(agentB.client, await agentB.client.complaint(b1.id), "dissatisfied");
  await replyAndClose(agentB.client, b1, "basically_satisfied");
  const b2 = await own(agentB);
  await agentB.client.command(b2.id, "merge", { version: b2.version, intoId: b1.id });
  const b3 = await own(agentB, {
    channel: "online",
    businessType: "loan",
    causes: ["felt_ignored"],
    source: { type: "transfer", hotline: "12378" },
  });
  await agentB.client.command(b3.id, "escalate", { version: b3.version, reason: "扬言投诉至监管" });
  for (let i = 0; i < 3; i++)
    await agentB.client.command(b3.id, "contact", {
      direction: "inbound",
      channel: "phone",
      summary: `客户第${i + 2}次来电催办`,
    });
});

/** A count taken straight from the complaints table, received today, on `complaints c`. */
async function countWhere(where: SQL) {
  const { rows } = await world.server.db.execute<{ n: number }>(sql`
    select count(*)::int as n from complaints c
    where c.received_at >= (${today}::date)::timestamp at time zone 'Asia/Shanghai' and ${where}`);
  return rows[0]!.n;
}

const acceptedSql = sql`c.status not in ('merged', 'withdrawn')`;
const leadDept = sql`(select o.department_id from work_orders o where o.complaint_id = c.id and o.lead order by o.dispatched_at desc limit 1)`;

type Report = {
  rows: { key: string | null; figures: Record<string, any> }[];
  total: { figures: Record<string, any> };
};
const get = async <T = Report>(client: ApiClient, path: string) => {
  const res = await client.get<T>(path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe("GET /reports/kpis", () => {
  it("totals equal the complaints table's counts for several filter sets", async () => {
    const filters: [string, SQL][] = [
      ["", sql`true`],
      ["&channel=phone", sql`c.channel = 'phone'`],
      ["&cause=process", sql`'process' = any(c.causes)`],
      ["&category=billing", sql`c.category = 'billing'`],
      [`&departmentId=${world.billing.id}`, sql`${leadDept} = ${world.billing.id}`],
      ["&source=12378", sql`c.source_hotline = '12378'`],
    ];
    for (const [query, where] of filters) {
      const report = await get(world.supervisor.client, `/reports/kpis?${period}${query}`);
      const t = report.total.figures;
      expect(t.accepted.value, query).toBe(await countWhere(sql`${acceptedSql} and ${where}`));
      expect(t.closedRate.count, query).toBe(
        await countWhere(sql`c.status = 'closed' and ${where}`),
      );
      expect(t.closedRate.over).toBe(t.accepted.value);
      expect(t.escalationRate.count).toBe(
        await countWhere(sql`${acceptedSql} and c.escalation_level > 0 and ${where}`),
      );
      expect(t.substantiated.value).toBe(
        await countWhere(sql`${acceptedSql} and c.substantiated and ${where}`),
      );
    }
  });

  it("the figures of the hand-driven cases", async () => {
    const t = (await get(world.supervisor.client, `/reports/kpis?${period}`)).total.figures;
    expect(t.accepted.value).toBe(4);
    expect(t.closedRate).toEqual({ value: 50, count: 2, over: 4 });
    expect(t.onTimeRate.count).toBe(2);
    expect(t.reopenRate).toEqual({ value: 50, count: 1, over: 2 });
    expect(t.returnRate).toEqual({ value: 50, count: 1, over: 2 });
    expect(t.firstAssignmentAccuracy).toEqual({ value: 50, count: 1, over: 2 });
    expect(t.firstContactResolution).toEqual({ value: 50, count: 1, over: 2 });
    expect(t.satisfactionRate).toEqual({ value: 100, count: 2, over: 2 });
    expect(t.threeContactBreaches.value).toBe(1);
    expect(t.transferRate.count).toBe(1);
    expect(t.backlog.value).toBe(2);
    expect(t.remedyYuan.value).toBe(20);
    expect(t.per10kCustomers.value).toBeNull();
  });

  it("stores for every case the facts its own tables give (returns, remedies, reopens, merges)", async () => {
    await catchUpCaseFacts(world.server.db);
    const read = async (statement: SQL) =>
      (await world.server.db.execute<Record<string, unknown>>(statement)).rows.sort((a, b) =>
        String(a.complaint_id).localeCompare(String(b.complaint_id)),
      );
    expect(await read(sql`select * from report_case_facts`)).toEqual(
      await read(liveCaseFactsSql(sql`true`)),
    );
  });

  it("SQL and the domain's own reading of each KPI agree on the same cases", async () => {
    const { rows } = await world.server.db.execute<Record<string, any>>(
      liveCaseFactsSql(sql`true`),
    );
    const facts: CaseFacts[] = rows.map((r) => ({
      status: r.status,
      receivedAt: new Date(r.received_at),
      dueAt: new Date(r.due_at),
      closedAt: r.closed_at && new Date(r.closed_at),
      lastReplyAt: r.last_reply_at && new Date(r.last_reply_at),
      firstResponseAt: r.first_response_at && new Date(r.first_response_at),
      pauses: r.pauses.map((p: { from: string; to: string | null }) => ({
        from: new Date(p.from),
        to: p.to && new Date(p.to),
      })),
      satisfaction: r.satisfaction,
      reopenCount: r.reopen_count,
      escalationLevel: r.escalation_level,
      leadOrders: r.lead_orders,
      returnedOrders: r.returned_orders,
      inboundContacts: r.inbound_contacts,
      remedyFen: Number(r.remedy_fen),
      transferred: r.transferred,
      repeat: r.repeat,
      substantiated: r.substantiated,
      cameBackSoon: r.came_back_soon,
    }));
    const report = await get(world.supervisor.client, `/reports/kpis?${period}&customerBase=20000`);
    const ctx = { asOf: new Date(), customerBase: 20_000 };
    for (const kpi of kpis) {
      // Durations differ by the milliseconds between the two reads' `now`: compare rounded.
      if (kpi.measure.kind === "oldestAge") continue;
      expect(report.total.figures[kpi.id].value, kpi.id).toBe(
        kpiValue(kpi, aggregate(kpi, facts, ctx), ctx),
      );
    }
  });

  it("groups by agent, and an agent sees only their own row beside the team's total", async () => {
    const all = await get(world.supervisor.client, `/reports/kpis?${period}&groupBy=agent`);
    const mine = await get(world.agentA.client, `/reports/kpis?${period}&groupBy=agent`);
    expect(mine.rows.map((r) => r.key)).toEqual([world.agentA.user.id]);
    expect(mine.total).toEqual(all.total);
    const aRow = all.rows.find((r) => r.key === world.agentA.user.id)!;
    expect(mine.rows[0]!.figures).toEqual(aRow.figures);
    expect(aRow.figures.accepted.value).toBe(
      await countWhere(sql`${acceptedSql} and c.owner_id = ${world.agentA.user.id}`),
    );
    // By category, still their own cases only.
    const byCategory = await get(world.agentA.client, `/reports/kpis?${period}&groupBy=category`);
    const ownAccepted = byCategory.rows.reduce((n, r) => n + r.figures.accepted.value, 0);
    expect(ownAccepted).toBe(aRow.figures.accepted.value);
  });

  it("a department handler sees the cases dispatched to their department", async () => {
    const report = await get(world.handler.client, `/reports/kpis?${period}&groupBy=department`);
    const dispatchedToBilling = sql`exists (select from work_orders o where o.complaint_id = c.id and o.department_id = ${world.billing.id})`;
    expect(report.total.figures.accepted.value).toBe(
      await countWhere(sql`${acceptedSql} and ${dispatchedToBilling}`),
    );
    expect(report.total.figures.accepted.value).toBe(2);
  });

  it("rows by cause add up to the cause mentions, the total counts each case once", async () => {
    const report = await get(world.supervisor.client, `/reports/kpis?${period}&groupBy=cause`);
    const mentions = await world.server.db.execute<{ n: number }>(sql`
      select count(*)::int as n from complaints c cross join unnest(c.causes) where ${acceptedSql}`);
    expect(report.rows.reduce((n, r) => n + r.figures.accepted.value, 0)).toBe(mentions.rows[0]!.n);
    expect(report.total.figures.accepted.value).toBe(4);
  });

  it("answers 400 in the caller's language for a reversed period", async () => {
    const res = await world.supervisor.client.get("/reports/kpis?from=2026-11-02&to=2026-11-01");
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/开始日期晚于结束日期/);
  });
});

/** The file's first sheet, every row as its cells' values. */
const sheetOf = async (client: ApiClient, path: string) =>
  xlsxRows(await fetch(client.base + path, { headers: { cookie: client.cookie! } }));

describe("report files", () => {
  it("the KPI table's XLSX holds the JSON's numbers as numbers, under Chinese headers", async () => {
    const json = await get(world.supervisor.client, `/reports/kpis?${period}&groupBy=agent`);
    const rows = await sheetOf(
      world.supervisor.client,
      `/reports/kpis?${period}&groupBy=agent&format=xlsx`,
    );
    expect(rows[0]![0]).toBe("分组");
    expect(rows[0]).toContain("按时办结率（%）");
    const total = rows.at(-1)!;
    expect(total[0]).toBe("合计");
    kpis.forEach((kpi, i) => {
      const value = json.total.figures[kpi.id].value;
      expect(total[i + 1] ?? null, kpi.id).toBe(value);
    });
    expect(typeof total[1]).toBe("number");
    expect(rows).toHaveLength(json.rows.length + 2);
  });

  it("the regulator's XLSX and CSV hold the same counts", async () => {
    const json = await get<RegulatorReport>(
      world.supervisor.client,
      `/reports/regulator?period=${quarter}`,
    );
    const rows = await sheetOf(
      world.supervisor.client,
      `/reports/regulator?period=${quarter}&format=xlsx`,
    );
    expect(rows[0]).toEqual([
      "渠道",
      "业务类型",
      "投诉原因",
      "受理量",
      "办结数",
      "按时办结数",
      "属实数",
    ]);
    const t = json.total;
    expect(rows.at(-1)!.slice(3)).toEqual([t.accepted, t.closed, t.closedOnTime, t.substantiated]);
    const csv = await world.supervisor.client.get<string>(
      `/reports/regulator?period=${quarter}&format=csv`,
    );
    expect(csv.body.trimEnd().split("\r\n").at(-1)).toBe(
      `合计,,,${t.accepted},${t.closed},${t.closedOnTime},${t.substantiated}`,
    );
  });
});

describe("GET /reports/trend, /reports/causes, /reports/regulator", () => {
  it("the trend's points add up to the KPI table's total", async () => {
    const trend = await get<TrendReport>(
      world.supervisor.client,
      `/reports/trend?metric=accepted&interval=week&${period}`,
    );
    const total = (await get(world.supervisor.client, `/reports/kpis?${period}`)).total;
    const sum = trend.points.reduce((n, p) => n + (p.value ?? 0), 0);
    expect(sum).toBe(total.figures.accepted.value);
    expect(trend.team).toBeNull();
    const mine = await get<TrendReport>(
      world.agentA.client,
      `/reports/trend?metric=closedRate&${period}`,
    );
    expect(mine.points.at(-1)?.over).toBe(2);
    expect(mine.team?.at(-1)?.over).toBe(4);
  });

  it("the Pareto counts each cause over the accepted cases, ending at 100%", async () => {
    const report = await get<CausesReport>(world.supervisor.client, `/reports/causes?${period}`);
    expect(report.cases).toBe(4);
    for (const cause of report.causes)
      expect(cause.count).toBe(
        await countWhere(sql`${acceptedSql} and ${cause.key} = any(c.causes)`),
      );
    expect(report.causes.at(-1)?.cumulativeShare).toBe(100);
    expect(report.causes[0]?.label.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("the regulator's rows add up to its total; agents and departments may not read it", async () => {
    const report = await get<RegulatorReport>(
      world.quality.client,
      `/reports/regulator?period=${quarter}`,
    );
    const sum = report.rows.reduce((n, r) => n + r.accepted, 0);
    expect(sum).toBe(report.total.accepted);
    expect(report.total.accepted).toBe(await countWhere(acceptedSql));
    expect(report.total.closedOnTime).toBe(2);
    expect((await world.agentA.client.get(`/reports/regulator?period=${quarter}`)).status).toBe(
      403,
    );
    expect((await world.handler.client.get(`/reports/regulator?period=${quarter}`)).status).toBe(
      403,
    );
  });
});
