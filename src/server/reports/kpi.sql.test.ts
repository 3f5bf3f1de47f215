// The KPIs compiled to SQL give the very aggregates the domain's own reading gives, on
// hand-built cases with every edge the definitions care about: late and extended deadlines,
// reopenings, merged and withdrawn cases, open and overlapping pauses, missing times.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../demo/seeded-random.js";
import type { CaseFacts } from "../../domain/kpi/case-facts.js";
import { aggregate } from "../../domain/kpi/kpi-measure.js";
import { kpis } from "../../domain/kpi/kpis.js";
import { startTestServer, type TestServer } from "../../test/test-server.js";
import { factColumn } from "./case-facts.sql.js";
import { aggregateOf, aggregatesSql } from "./kpi.sql.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const HOUR = 3_600_000;
const base = Date.UTC(2026, 10, 1);
const asOf = new Date(base + 30 * 24 * HOUR);

/** Random cases over November, each field drawn so every branch of every definition is hit. */
function randomCases(n: number): CaseFacts[] {
  const rng = seededRandom(11);
  const at = (maxHours: number) => new Date(base + rng.int(0, maxHours) * HOUR);
  const maybe = <T>(value: T) => (rng.chance(0.7) ? value : null);
  return Array.from({ length: n }, () => {
    const receivedAt = at(600);
    const later = (h: number) => new Date(receivedAt.getTime() + rng.int(1, h) * HOUR);
    const pauses = rng.chance(0.3)
      ? [{ from: later(48), to: rng.chance(0.8) ? later(200) : null }]
      : [];
    return {
      status: rng.pick([
        "received",
        "dispatched",
        "replied",
        "closed",
        "reopened",
        "merged",
        "withdrawn",
      ] as const),
      receivedAt,
      dueAt: later(400),
      closedAt: maybe(later(500)),
      lastReplyAt: maybe(later(450)),
      firstResponseAt: maybe(later(60)),
      pauses: pauses.map((p) => (p.to && p.to < p.from ? { from: p.to, to: p.from } : p)),
      satisfaction: rng.pick(["satisfied", "basically_satisfied", "dissatisfied", null] as const),
      reopenCount: rng.int(0, 2),
      escalationLevel: rng.int(0, 1),
      leadOrders: rng.int(0, 3),
      returnedOrders: rng.int(0, 1),
      inboundContacts: rng.int(1, 5),
      remedyFen: rng.chance(0.2) ? rng.int(0, 50_000) : 0,
      transferred: rng.chance(0.2),
      repeat: rng.chance(0.2),
      substantiated: rng.chance(0.4),
      cameBackSoon: rng.chance(0.2),
    };
  });
}

/** The facts as the rows `caseFactsSql` makes, built from JSON instead of the case tables. */
function factsRows(cases: CaseFacts[]) {
  const rows = cases.map((c) => ({
    ...Object.fromEntries(Object.entries(c).map(([k, v]) => [factColumn[k as keyof CaseFacts], v])),
    as_of: asOf,
  }));
  return sql`select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as f(
    status text, received_at timestamptz, due_at timestamptz, closed_at timestamptz,
    last_reply_at timestamptz, first_response_at timestamptz, pauses jsonb, satisfaction text,
    reopen_count int, escalation_level int, lead_orders int, returned_orders int,
    inbound_contacts int, remedy_fen bigint, transferred boolean, repeat boolean,
    substantiated boolean, came_back_soon boolean, as_of timestamptz)`;
}

describe("KPIs in SQL", () => {
  it("aggregate as the domain reads them, KPI by KPI", async () => {
    const cases = randomCases(400);
    const { rows } = await server.db.execute<Record<string, unknown>>(
      sql`with f as (${factsRows(cases)}) select ${aggregatesSql(kpis)} from f`,
    );
    // The cases reach every definition: counts, medians and sums all have something to add up.
    const reached = kpis.filter((k) => {
      const a = aggregate(k, cases, { asOf });
      return a.count > 0 || a.ms !== null || a.fen > 0;
    });
    expect(reached.map((k) => k.id)).toEqual(kpis.map((k) => k.id));
    for (const kpi of kpis) {
      const inSql = aggregateOf(kpi, rows[0]!);
      const inDomain = aggregate(kpi, cases, { asOf });
      expect({ ...inSql, ms: null }, kpi.id).toEqual({ ...inDomain, ms: null });
      if (inDomain.ms === null) expect(inSql.ms, kpi.id).toBeNull();
      else expect(inSql.ms, kpi.id).toBeCloseTo(inDomain.ms, 3);
    }
  });
});
