import { type SQL, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../../test/api-client.js";
import { makeComplaint, type Staff } from "../../test/factories.js";
import type { Complaint } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => {
  const billing = await w.department({ name: "电费核算中心" });
  const cards = await w.department({ name: "信用卡中心" });
  return {
    billing,
    cards,
    agentA: await w.staff("agent"),
    agentB: await w.staff("agent"),
    agentC: await w.staff("agent"),
    supervisor: await w.staff("supervisor"),
    handler: await w.staff("department_handler", { departmentId: billing.id }),
  };
});

const own = (agent: Staff) => makeComplaint(agent.client, { ownerId: agent.user.id });
const dispatch = (client: ApiClient, c: Complaint, departmentId: string) =>
  client.command(c.id, "dispatch", { version: c.version, departments: [{ departmentId }] });
const escalate = (client: ApiClient, c: Complaint) =>
  client.command(c.id, "escalate", { version: c.version, reason: "扬言投诉至监管" });

beforeAll(async () => {
  const { agentA, agentB, agentC, billing, cards } = world;
  // A: three accepted (one to billing, one to cards, one escalated); B: one to billing,
  // escalated; C: one accepted and one withdrawn (left out of every figure).
  await dispatch(agentA.client, await own(agentA), billing.id);
  await dispatch(agentA.client, await own(agentA), cards.id);
  await escalate(agentA.client, await own(agentA));
  await escalate(agentB.client, await dispatch(agentB.client, await own(agentB), billing.id));
  await own(agentC);
  const withdrawn = await own(agentC);
  await agentC.client.command(withdrawn.id, "withdraw", { version: withdrawn.version });
});

type Figure = {
  kpi: { id: string };
  value: number | null;
  count?: number;
  over?: number;
  median: number | null;
  rank: number | null;
  peers: number;
  verdict: string | null;
};
type Appraisal = {
  label: { zh: string };
  figures: Figure[];
  trend: { kpi: { id: string }; points: { value: number | null; median: number | null }[] }[];
};

const page = async (client: ApiClient, kind: string, id: string) => {
  const res = await client.get<Appraisal>(`/reports/appraisal?kind=${kind}&id=${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const body = res.body;
  return { ...body, f: (id: string) => body.figures.find((f) => f.kpi.id === id)! };
};

async function countWhere(where: SQL) {
  const { rows } = await world.server.db.execute<{ n: number }>(
    sql`select count(*)::int as n from complaints c where ${where}`,
  );
  return rows[0]!.n;
}
const accepted = sql`c.status not in ('merged', 'withdrawn')`;
const leadDept = sql`(select o.department_id from work_orders o where o.complaint_id = c.id and o.lead order by o.dispatched_at desc limit 1)`;

describe("GET /reports/appraisal", () => {
  it("an agent's own page: figures equal the complaints' counts, beside the team's median", async () => {
    const a = await page(world.agentA.client, "agent", world.agentA.user.id);
    const mine = sql`c.owner_id = ${world.agentA.user.id} and ${accepted}`;
    expect(a.f("accepted").value).toBe(await countWhere(mine));
    expect(a.f("escalationRate").count).toBe(
      await countWhere(sql`${mine} and c.escalation_level > 0`),
    );
    expect(a.f("escalationRate").over).toBe(3);
    // Team accepted 3, 1, 1: the median 1, A first by volume.
    expect(a.f("accepted")).toMatchObject({
      value: 3,
      median: 1,
      rank: 1,
      peers: 3,
      verdict: null,
    });
    // Escalation 33.3 %, 100 %, 0 %: A is the median, second (lower is better).
    expect(a.f("escalationRate")).toMatchObject({ value: 33.3, median: 33.3, rank: 2 });
    expect(a.f("escalationRate").verdict).toBe("same");
    const volume = a.trend.find((t) => t.kpi.id === "accepted")!.points.at(-1)!;
    expect(volume).toMatchObject({ value: 3, median: 1 });
  });

  it("a department's page: the lead department's counts, beside all departments' median", async () => {
    const d = await page(world.supervisor.client, "department", world.billing.id);
    expect(d.label.zh).toBe("电费核算中心");
    expect(d.f("accepted").value).toBe(
      await countWhere(sql`${accepted} and ${leadDept} = ${world.billing.id}`),
    );
    // Billing 2, cards 1: an even count's median is the mean of the middle two.
    expect(d.f("accepted")).toMatchObject({ value: 2, median: 1.5, peers: 2 });
    expect(d.f("escalationRate")).toMatchObject({ value: 50, median: 25, verdict: "worse" });
  });

  it("an agent may not open another agent's page, nor a handler another department's", async () => {
    const other = await world.agentA.client.get<{ code: string }>(
      `/reports/appraisal?kind=agent&id=${world.agentB.user.id}`,
    );
    expect(other.status).toBe(403);
    expect(other.body.code).toBe("forbidden");
    const own = await page(world.handler.client, "department", world.billing.id);
    expect(own.f("accepted").value).toBe(2);
    for (const path of [
      `kind=department&id=${world.cards.id}`,
      `kind=agent&id=${world.agentA.user.id}`,
    ])
      expect((await world.handler.client.get(`/reports/appraisal?${path}`)).status).toBe(403);
    const missing = await world.supervisor.client.get(
      `/reports/appraisal?kind=department&id=${crypto.randomUUID()}`,
    );
    expect(missing.status).toBe(404);
  });

  it("takes a month as `period`, the same figures as its days", async () => {
    const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" })
      .format(new Date())
      .slice(0, 7);
    const id = world.agentA.user.id;
    const res = await world.agentA.client.get<Appraisal & { from: string }>(
      `/reports/appraisal?kind=agent&id=${id}&period=${month}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.from).toBe(`${month}-01`);
    expect(res.body.figures.find((f) => f.kpi.id === "accepted")!.value).toBe(3);
    const wrong = await world.agentA.client.get(`/reports/appraisal?kind=team&id=${id}`);
    expect(wrong.status).toBe(400);
  });

  it("the XLSX holds the JSON's figures as numbers, one row per KPI", async () => {
    const json = await page(world.supervisor.client, "agent", world.agentA.user.id);
    const { client } = world.supervisor;
    const res = await fetch(
      `${client.base}/reports/appraisal?kind=agent&id=${world.agentA.user.id}&format=xlsx`,
      { headers: { cookie: client.cookie! } },
    );
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]![0]).toBe("指标");
    expect(rows).toHaveLength(json.figures.length + 1);
    // A volume has no better direction: its last cell (the comparison) stays empty.
    expect(rows[1]).toEqual(["受理量（件）", 3, 3, undefined, 1, 1, 3]);
    const escalation = json.figures.findIndex((f) => f.kpi.id === "escalationRate");
    expect(rows[escalation + 1]).toEqual(["升级率（%）", 33.3, 1, 3, 33.3, 2, 3, "等于中位数"]);
  });
});
