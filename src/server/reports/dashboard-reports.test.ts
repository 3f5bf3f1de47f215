// The dashboard's reports and their drill-downs: each figure equals a count taken straight from
// the complaints, and the work queue's list (and a view count) with the drill-down's filters holds
// exactly those cases.

import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { complaintStatuses } from "../../domain/complaint/complaint-lifecycle.js";
import { addDaysToDate } from "../../domain/sla/zoned-time.js";
import type { ApiClient } from "../../test/api-client.js";
import { makeComplaint } from "../../test/factories.js";
import type {
  BacklogReport,
  CausesReport,
  Complaint,
  HeatmapReport,
  Items,
  ViewCount,
} from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => {
  const billing = await w.department({ name: "电费核算中心" });
  const cards = await w.department({ name: "信用卡中心" });
  return {
    billing,
    cards,
    agent: await w.staff("agent"),
    supervisor: await w.staff("supervisor"),
    handler: await w.staff("department_handler", { departmentId: billing.id }),
  };
});

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const from = addDaysToDate(today, -100);
const accepted = complaintStatuses.filter((s) => s !== "merged" && s !== "withdrawn");

const dispatch = (client: ApiClient, c: Complaint, departmentId: string) =>
  client.command(c.id, "dispatch", { version: c.version, departments: [{ departmentId }] });

/** Moves a case's receipt `days` back, as an import of an older case would have it. */
const receivedDaysAgo = (c: Complaint, days: number) =>
  world.server.db.execute(
    sql`update complaints set received_at = now() - make_interval(days => ${days}),
      due_at = now() - make_interval(days => ${days - 5}) where id = ${c.id}`,
  );

beforeAll(async () => {
  const { agent, billing, cards } = world;
  const mine = (o: Record<string, unknown>) =>
    makeComplaint(agent.client, { ownerId: agent.user.id, ...o });
  await dispatch(
    agent.client,
    await mine({ category: "billing", causes: ["process"] }),
    billing.id,
  );
  const c2 = await dispatch(
    agent.client,
    await mine({ category: "service", causes: ["process", "felt_ignored"] }),
    cards.id,
  );
  await receivedDaysAgo(c2, 10);
  const c3 = await mine({ category: "billing", causes: ["felt_ignored"] });
  await receivedDaysAgo(c3, 70);
  const c4 = await mine({ category: "billing", causes: ["process"] });
  await agent.client.command(c4.id, "withdraw", { version: c4.version });
  const c5 = await dispatch(agent.client, await mine({ category: "billing" }), billing.id);
  await receivedDaysAgo(c5, 40);
});

/** Every case the list gives for these filters (pages of 200). */
async function listed(client: ApiClient, params: Record<string, string | string[]>) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) query.append(k, one);
  query.set("limit", "200");
  const res = await client.get<{ items: { id: string }[] }>(`/complaints?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.length;
}

async function countStraight(where: ReturnType<typeof sql>) {
  const { rows } = await world.server.db.execute<{ n: number }>(
    sql`select count(*)::int as n from complaints c where ${where}`,
  );
  return rows[0]!.n;
}

describe("GET /reports/backlog", () => {
  it("counts open cases by age, each bucket's receipt days giving the queue the same count", async () => {
    const { supervisor } = world;
    const res = await supervisor.client.get<BacklogReport>("/reports/backlog");
    expect(res.status).toBe(200);
    const byKey = Object.fromEntries(res.body.buckets.map((b) => [b.key, b.count]));
    expect(byKey).toMatchObject({ "0-3": 1, "8-15": 1, "31-60": 1, "61+": 1 });
    expect(res.body.open).toBe(
      await countStraight(sql`c.status not in ('closed', 'merged', 'withdrawn')`),
    );
    // The aged cases' deadlines were moved into the past with them.
    expect(res.body.overdue).toBe(3);
    for (const b of res.body.buckets) {
      const received: Record<string, string> = b.receivedFrom
        ? { receivedFrom: b.receivedFrom, receivedTo: b.receivedTo }
        : { receivedTo: b.receivedTo };
      expect(await listed(supervisor.client, { open: "true", ...received }), b.key).toBe(b.count);
    }
  });

  it("gives a department handler their department's open cases only", async () => {
    const res = await world.handler.client.get<BacklogReport>("/reports/backlog");
    expect(res.body.open).toBe(2);
  });
});

describe("GET /reports/heatmap", () => {
  it("counts accepted cases per lead department × category, as the queue lists them", async () => {
    const { supervisor, billing, cards } = world;
    const res = await supervisor.client.get<HeatmapReport>(
      `/reports/heatmap?from=${from}&to=${today}`,
    );
    expect(res.status).toBe(200);
    const cell = (d: string | null, c: string) =>
      res.body.cells.find((x) => x.department.key === d && x.category.key === c)?.count;
    expect(cell(billing.id, "billing")).toBe(2);
    expect(cell(cards.id, "service")).toBe(1);
    expect(cell(null, "billing")).toBe(1);
    expect(res.body.total).toBe(await countStraight(sql`c.status not in ('merged', 'withdrawn')`));
    for (const x of res.body.cells.filter((x) => x.department.key && x.category.key))
      expect(
        await listed(supervisor.client, {
          receivedFrom: from,
          receivedTo: today,
          status: accepted,
          leadDepartmentId: x.department.key!,
          category: x.category.key!,
        }),
      ).toBe(x.count);
  });

  it("answers a department handler with their department's row", async () => {
    const res = await world.handler.client.get<HeatmapReport>(
      `/reports/heatmap?from=${from}&to=${today}`,
    );
    expect(res.body.total).toBe(2);
    expect(res.body.cells.map((x) => x.department.key)).toEqual([world.billing.id]);
  });
});

describe("the list's report filters", () => {
  it("lists the cases of each Pareto bar, and a view count agrees", async () => {
    const { supervisor } = world;
    const pareto = await supervisor.client.get<CausesReport>(
      `/reports/causes?from=${from}&to=${today}`,
    );
    expect(pareto.body.causes.length).toBeGreaterThan(0);
    for (const cause of pareto.body.causes) {
      const filters = { receivedFrom: from, receivedTo: today, status: accepted, cause: cause.key };
      expect(await listed(supervisor.client, filters), cause.key).toBe(cause.count);
      const counts = await supervisor.client.post<Items<ViewCount>>("/saved-views/counts", {
        filters: [filters],
      });
      expect(counts.body.items[0]!.count).toBe(cause.count);
    }
  });

  it("takes the received days in the center's time zone, both ends inclusive", async () => {
    const { supervisor } = world;
    expect(await listed(supervisor.client, { receivedFrom: today, receivedTo: today })).toBe(
      await countStraight(
        sql`c.received_at >= (${today}::date)::timestamp at time zone 'Asia/Shanghai'`,
      ),
    );
    const tenDaysAgo = addDaysToDate(today, -10);
    expect(
      await listed(supervisor.client, { receivedFrom: tenDaysAgo, receivedTo: tenDaysAgo }),
    ).toBe(1);
  });

  it("filters by the latest follow-up's verdict", async () => {
    expect(await listed(world.supervisor.client, { satisfaction: "satisfied" })).toBe(0);
  });
});
