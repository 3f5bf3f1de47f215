import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { complaints } from "../../db/schema.js";
import { listCondition } from "../complaints/list-complaints.js";
import type { Caller } from "../http/app-types.js";
import { COUNT_CAP, type ViewCount, type ViewFilters } from "./saved-view.schemas.js";

/**
 * How many complaints the caller may see in each filter set, in one SQL statement: per set a
 * count over `limit COUNT_CAP + 1` rows, so exact up to 1,000 and "1000+" beyond. The scope and
 * filters are the list endpoint's own condition (listCondition), so a count is the number of rows
 * the list pages through.
 *
 * Chosen by measurement (30 varied views, 100k complaints, 13.8k open; CPU time of the statement;
 * docs/scaling.md has the plans):
 * - exact counts, one subquery per view: 225 ms. "All finished cases" alone reads 86k index
 *   entries, and every broad view grows with the table.
 * - one pass over the open cases with `count(*) filter (…)` per view: 160 ms. Reading the open
 *   set is 13 ms at 100k (ten times that at 1M) before any view is counted, and each department
 *   view still reads all of that department's work orders.
 * - capped counts (this): 155 ms on the schema as it is; open statuses, all open and all finished
 *   take 0.2 ms each and stay flat at any size, since they stop after 1,001 index entries. The
 *   department, owner and category views are what cost; with the indexes proposed in
 *   docs/scaling.md they become index-only walks of at most a few thousand entries (51 ms for the
 *   30 views, EXPLAIN ANALYZE), which a capped count can stop early and an exact one cannot.
 * A queue of more than a thousand cases needs no exact figure; Zendesk shows view counts so too.
 */
export async function countMatching(
  db: Database,
  caller: Caller,
  filterSets: ViewFilters[],
): Promise<ViewCount[]> {
  if (filterSets.length === 0) return [];
  const { rows } = await db.execute<Record<string, number>>(countStatement(caller, filterSets));
  return filterSets.map((_, i) => {
    const n = rows[0]![`c${i}`]!;
    return { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
  });
}

/** `mine` is whoever opens the view, so one shared view serves each person's own queue. */
function condition(caller: Caller, { mine, ...filters }: ViewFilters): SQL {
  return listCondition(caller, mine ? { ...filters, ownerId: caller.id } : filters) ?? sql`true`;
}

/** The one statement: a row with column c<i> for filter set i (exported to EXPLAIN it). */
export function countStatement(caller: Caller, filterSets: ViewFilters[]): SQL {
  const cap = sql.raw(String(COUNT_CAP + 1));
  const columns = filterSets.map(
    (filters, i) =>
      sql`(select count(*)::int from (select 1 from ${complaints} where ${condition(caller, filters)} limit ${cap}) matching) as ${sql.identifier(`c${i}`)}`,
  );
  return sql`select ${sql.join(columns, sql`, `)}`;
}
