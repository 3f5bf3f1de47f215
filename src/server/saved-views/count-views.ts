import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { complaints } from "../../db/schema.js";
import { listConditions } from "../complaints/list-complaints.js";
import type { Caller } from "../http/app-types.js";
import { COUNT_CAP, type ViewCount, type ViewFilters } from "./saved-view.schemas.js";

/**
 * How many complaints the caller may see in each filter set, in one SQL statement: per set a
 * count over `limit COUNT_CAP + 1` rows, so exact up to 1,000 and "1000+" beyond, and flat at any
 * table size (docs/scaling.md, "Why view counts are capped", has the alternatives measured). The
 * scope and filters are the list endpoint's own condition, so a count is the rows the list pages.
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
function conditions(caller: Caller, { mine, ...filters }: ViewFilters): SQL[] {
  return listConditions(caller, mine ? { ...filters, ownerId: caller.id } : filters);
}

/**
 * The one statement: a row with column c<i> for filter set i (exported to EXPLAIN it). The list's
 * parts are disjoint, so a view's count is the sum of theirs, each capped: over the cap in sum
 * is over it in truth.
 */
export function countStatement(caller: Caller, filterSets: ViewFilters[]): SQL {
  const cap = sql.raw(String(COUNT_CAP + 1));
  const columns = filterSets.map((filters, i) => {
    const parts = conditions(caller, filters).map(
      (condition) => sql`(select 1 from ${complaints} where ${condition} limit ${cap})`,
    );
    return sql`(select count(*)::int from (${sql.join(parts, sql` union all `)}) matching) as ${sql.identifier(`c${i}`)}`;
  });
  return sql`select ${sql.join(columns, sql`, `)}`;
}
