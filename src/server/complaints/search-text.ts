import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { complaints } from "../../db/schema.js";
import type { ComplaintCommand } from "../../domain/complaint/complaint-lifecycle.js";

/** Commands that add searchable words: the reply to the customer and internal notes. */
export const commandsAddingSearchText: readonly ComplaintCommand[] = ["reply", "note"];

/**
 * Recomputes the searchable text (and so its character pairs) with the database's one definition;
 * `alsoSet` rides along in the same update, so a new complaint's row is rewritten once, not twice.
 */
export async function refreshSearchText(
  tx: Tx,
  which: SQL,
  alsoSet: Partial<typeof complaints.$inferInsert> = {},
) {
  await tx
    .update(complaints)
    .set({ ...alsoSet, searchText: sql`kesu_search_text(${complaints.id})` })
    .where(which);
}

/**
 * The search condition: the term's keys (character pairs, digit 4-grams) must all be indexed for
 * the complaint (the GIN filter), and the exact term must occur in its text (strpos confirms, so
 * nothing is a near miss). Case-insensitive, so ATM finds atm. strpos rather than LIKE: the
 * planner guesses a `LIKE '%…%'` matches almost nothing, and so for a common word read every
 * recent case and sorted them instead of walking the newest until a page is full (客户 at 100k:
 * 106 ms → 0.4 ms); it takes a function's comparison for what it is, unknown.
 */
export function searchCondition(term: string): SQL {
  return sql`(${complaints.searchGrams} @> kesu_query_grams(${term}) and strpos(lower(${complaints.searchText}), lower(${term})) > 0)`;
}
