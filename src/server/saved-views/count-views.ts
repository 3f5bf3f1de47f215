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
  timeZone: string,
): Promise<ViewCount[]> {
  if (filterSets.length === 0) return [];
  const { rows } = await db.execute<Record<string, number>>(
    countStatement(caller, filterSets, timeZone),
  );
  return filterSets.map((_, i) => {
    const n = rows[0]![`c${i}`]!;
    return { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
  });
}

/** `mine` is whoever opens the view, so one shared view serves each person's own queue. */
function conditions(caller: Caller, { mine, ...filters }: ViewFilters, timeZone?: string): SQL[] {
  const own = mine ? { ...filters, ownerId: caller.id } : filters;
  return listConditions(caller, own, "index", undefined, timeZone);
}

/**
 * The one statement: a row with column c<i> for filter set i (exported to EXPLAIN it). A search's
 * two parts are disjoint, so its count is their sum; the second is not read when the first is
 * already past the cap (PostgreSQL runs a subquery of a CASE branch only when it is taken; the
 * first is counted once, in a subquery kept apart by `offset 0` rather than copied into each use).
 */
export function countStatement(caller: Caller, filterSets: ViewFilters[], timeZone?: string): SQL {
  const cap = sql.raw(String(COUNT_CAP + 1));
  const capped = (condition: SQL) =>
    sql`(select count(*)::int from (select 1 from ${complaints} where ${condition} limit ${cap}) matching)`;
  const columns = filterSets.map((filters, i) => {
    const [own, written] = conditions(caller, filters, timeZone);
    const count = written
      ? sql`(select case when own.n > ${sql.raw(String(COUNT_CAP))} then own.n else own.n + ${capped(written)} end
             from (select ${capped(own!)} as n offset 0) own)`
      : capped(own!);
    return sql`${count} as ${sql.identifier(`c${i}`)}`;
  });
  return sql`select ${sql.join(columns, sql`, `)}`;
}
