import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { previousMonth } from "../../domain/improvement/monthly-period.js";
import { makeComplaint } from "../../test/factories.js";
import { pdfText } from "../../test/pdf-text.js";
import type { MonthlyAnalysisReport } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  supervisor: await w.staff("supervisor"),
  agent: await w.staff("agent"),
  handler: await w.staff("department_handler", { departmentId: (await w.department()).id }),
}));

const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" })
  .format(new Date())
  .slice(0, 7);
const lastMonth = previousMonth(month);

beforeAll(async () => {
  const a = world.agent;
  const first = await makeComplaint(a.client, { ownerId: a.user.id, causes: ["time_delayed"] });
  await makeComplaint(a.client, {
    ownerId: a.user.id,
    customerId: first.customer.id,
    customer: undefined,
    causes: ["time_delayed", "felt_ignored"],
  });
  await makeComplaint(a.client, { ownerId: a.user.id, causes: ["time_delayed"] });
  await world.supervisor.client.post("/quality-cases", {
    title: "账单打印错位",
    product: "电费账单",
  });
  await world.supervisor.client.post("/improvement-actions", {
    title: "账单延误预警",
    ownerId: world.supervisor.user.id,
    dueDate: `${month}-28`,
    cause: "time_delayed",
  });
});

/** The month's counts straight from the complaints, as the analysis must give them. */
async function straightCounts() {
  const { rows } = await world.server.db.$client.query(
    `select cause, count(*)::int as n from complaints, unnest(causes) cause
      where status not in ('merged', 'withdrawn')
        and to_char(received_at at time zone 'Asia/Shanghai', 'YYYY-MM') = $1
      group by cause`,
    [month],
  );
  return Object.fromEntries(rows.map((r) => [r.cause, r.n]));
}

describe("GET /reports/monthly-analysis", () => {
  it("gives the month's causes, repeat customers, open 8Ds and actions, counted as the complaints say", async () => {
    const res = await world.supervisor.client.get<MonthlyAnalysisReport>(
      `/reports/monthly-analysis?month=${month}`,
    );
    expect(res.status).toBe(200);
    const a = res.body;
    const counts = await straightCounts();
    expect(Object.fromEntries(a.causes.map((c) => [c.key, c.count]))).toEqual(counts);
    expect(a.causes[0]).toMatchObject({ key: "time_delayed", count: 3, previous: 0, change: 3 });
    expect(a.kpis.find((k) => k.id === "accepted")?.value).toBe(3);
    expect(a.repeatCustomers.customers).toBe(1);
    expect(a.repeatCustomers.top[0]!.complaints).toBe(2);
    expect(a.repeatCustomers.top[0]!.name).toMatch(/\*\*$/);
    expect(a.qualityCases.map((q) => q.title)).toContain("账单打印错位");
    expect(a.actions.tally).toEqual({ open: 1, done: 0, verified: 0, overdue: 0 });
    expect(a.actions.items[0]).toMatchObject({ title: "账单延误预警", about: { zh: "时间延误" } });
  });

  it("is a PDF whose text names the sections and the figures", async () => {
    const res = await fetch(
      `${world.supervisor.client.base}/reports/monthly-analysis?month=${month}&format=pdf`,
      { headers: { cookie: world.supervisor.client.cookie! } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    for (const words of [
      `月度投诉分析 ${month}`,
      "主要投诉原因及变化",
      "时间延误",
      "账单打印错位",
      "账单延误预警",
    ])
      expect(text).toContain(words);
  });

  it("is an XLSX with a sheet per section, numbers as numbers", async () => {
    const res = await fetch(
      `${world.supervisor.client.base}/reports/monthly-analysis?month=${month}&format=xlsx`,
      { headers: { cookie: world.supervisor.client.cookie! } },
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "关键指标",
      "主要原因",
      "重复投诉客户",
      "部门退单与超时",
      "未结8D",
      "整改措施",
    ]);
    const causes = book.getWorksheet("主要原因")!;
    expect(causes.getRow(1).values).toEqual([
      undefined,
      "原因",
      "件数",
      "占比（%）",
      "上月件数",
      "变化",
    ]);
    expect(causes.getRow(2).getCell(1).value).toBe("时间延误");
    expect(causes.getRow(2).getCell(2).value).toBe(3);
  });

  it("is read by those who answer for the center's figures, not agents or department handlers", async () => {
    expect((await world.agent.client.get(`/reports/monthly-analysis?month=${month}`)).status).toBe(
      403,
    );
    expect(
      (await world.handler.client.get(`/reports/monthly-analysis?month=${month}`)).status,
    ).toBe(403);
    expect(
      (await world.supervisor.client.get("/reports/monthly-analysis?month=2026-13")).status,
    ).toBe(400);
  });

  it("shows a past month's actions as they stood at its end, not as they are now", async () => {
    const s = world.supervisor.client;
    const created = await s.post<{ id: string; version: number }>("/improvement-actions", {
      title: "回访话术更新",
      ownerId: world.supervisor.user.id,
      dueDate: `${lastMonth}-20`,
      cause: "felt_ignored",
    });
    const { id, version } = created.body;
    const back = `${lastMonth}-10T02:00:00Z`;
    expect((await s.patch(`/improvement-actions/${id}`, { version, status: "done" })).status).toBe(
      200,
    );
    // Set up on last month's 10th, done today: history moved back past its append-only guard,
    // as a month of work would have left it.
    const client = await world.server.db.$client.connect();
    try {
      await client.query("begin");
      await client.query("set local session_replication_role = replica");
      await client.query("update improvement_actions set created_at = $2 where id = $1", [
        id,
        back,
      ]);
      await client.query(
        "update improvement_action_events set at = $2 where action_id = $1 and type = 'action_created'",
        [id, back],
      );
      await client.query("commit");
    } finally {
      client.release();
    }
    const then = await s.get<MonthlyAnalysisReport>(`/reports/monthly-analysis?month=${lastMonth}`);
    const item = then.body.actions.items.find((a) => a.title === "回访话术更新");
    expect(item).toMatchObject({ status: "open", dueDate: `${lastMonth}-20` });
    expect(then.body.actions.tally).toMatchObject({ open: 1, done: 0, overdue: 1 });
    const now = await s.get<MonthlyAnalysisReport>(`/reports/monthly-analysis?month=${month}`);
    expect(now.body.actions.items.find((a) => a.title === "回访话术更新")?.status).toBe("done");
  });
});
