import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { complaints, customers } from "../../db/schema.js";
import type { IdentifierSearch } from "../../domain/access/roles.js";
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
 * Where a search reads: `index` (the GIN's candidates, then sorted) for the whole table, where a
 * term that did not fill a page among the newest cases is rare; `window` (the newest cases in
 * order, until a page is full) inside the newest-cases window, where a common word fills a page
 * within a few rows.
 */
export type SearchPath = "index" | "window";

/**
 * The search condition: the term's keys (character pairs, digit 4-grams) must all be indexed for
 * the complaint (the GIN filter), and the exact term must occur in its text, so nothing is a near
 * miss. Case-insensitive, so ATM finds atm. Both paths confirm exactly; they differ in what the
 * planner believes: it takes `LIKE '%…%'` to match almost nothing (so it reads the index's
 * candidates), and a function's comparison (`strpos(…) > 0`) to match a third (so it walks the
 * newest rows), each right on its own path and badly wrong on the other (docs/scaling.md).
 *
 * For a role that sees identifiers masked the term is confirmed in the text without them (and
 * without the customer's phone, however short): the index's keys of the whole text are still a
 * superset of that text's, so the filter stays exact.
 */
export function searchCondition(
  term: string,
  path: SearchPath = "index",
  identifiers: IdentifierSearch = "any_part",
): SQL {
  const keys = sql`${complaints.searchGrams} @> kesu_query_grams(${term})`;
  const text = identifiers === "any_part" ? sql`${complaints.searchText}` : textWithoutIdentifiers;
  if (path === "window") return sql`(${keys} and strpos(lower(${text}), lower(${term})) > 0)`;
  const pattern = `%${term.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
  return sql`(${keys} and lower(${text}) like ${pattern})`;
}

const textWithoutIdentifiers = sql`kesu_without_identifiers(replace(${complaints.searchText},
  coalesce((select ${customers.phone} from ${customers} where ${customers.id} = ${complaints.customerId}), ''), ' '))`;
