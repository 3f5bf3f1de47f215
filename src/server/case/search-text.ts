import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { caseTexts, complaints, customers } from "../../db/schema.js";
import type { IdentifierSearch } from "../../domain/access/roles.js";

/**
 * Recomputes the complaint's own searchable text (and so its keys) with the database's one
 * definition, when intake, an edit or the customer's name or phone changed it; `alsoSet` rides
 * along in the same update, so a new complaint's row is rewritten once, not twice. What is written
 * on the case later never comes here: see `caseTextWrite`.
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
 * The statement part that makes the words of the timeline events written beside it (the `ev` rows
 * of the timeline writer's statement) searchable: a note, a reply or a contact's summary
 * (`kesu_event_text`, migration 0017) becomes a case_texts row with its own keys. The complaint's
 * row is not touched, so a note costs an insert of a few dozen keys, not a rewrite of the case.
 */
export const caseTextWrite = sql`case_text as (
  insert into ${caseTexts} (event_id, complaint_id, complaint_created_at, text)
  select ev.id, ev.complaint_id, c.created_at, kesu_event_text(ev.type, ev.data)
  from ev join ${complaints} c on c.id = ev.complaint_id
  where kesu_event_text(ev.type, ev.data) is not null)`;

/**
 * Where a search reads: `index` (the GIN's candidates, then sorted) for the whole table, where a
 * term that did not fill a page among the newest cases is rare; `window` (the newest cases in
 * order, until a page is full) inside the newest-cases window, where a common word fills a page
 * within a few rows.
 */
export type SearchPath = "index" | "window";

/**
 * The search condition on the complaint's own text: the term's keys (character pairs, digit
 * 4-grams) must all be indexed for the complaint (the GIN filter), and the exact term must occur
 * in its text, so nothing is a near miss. Case-insensitive, so ATM finds atm. Both paths confirm
 * exactly; they differ in what the planner believes (see `contains`).
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
  return sql`(${keys} and ${contains(text, term, path)})`;
}

/**
 * The complaints with a note, reply or contact (case_texts) holding one of the terms, by the same
 * rules as `searchCondition`: its keys, then the exact term, without identifiers for a role that
 * sees them masked (the customer's phone is the text's complaint's). `since` narrows the texts to
 * cases created since then (the search window's start, say), so a phrase many replies share reads
 * only the newest cases' texts, not all of them.
 */
export function writtenTextCondition(
  terms: readonly string[],
  path: SearchPath = "index",
  identifiers: IdentifierSearch = "any_part",
  since?: SQL,
): SQL {
  const text = identifiers === "any_part" ? sql.raw("t.text") : writtenWithoutIdentifiers;
  const matches = terms.map(
    (term) => sql`(t.search_grams @> kesu_query_grams(${term}) and ${contains(text, term, path)})`,
  );
  const newest = since ? sql` and t.complaint_created_at >= ${since}` : sql``;
  return sql`${complaints.id} in (select t.complaint_id from ${caseTexts} t
    where (${sql.join(matches, sql` or `)})${newest})`;
}

/**
 * The exact confirmation of a candidate's text. The planner takes `LIKE '%…%'` to match almost
 * nothing (so it reads the index's candidates), and a function's comparison (`strpos(…) > 0`) to
 * match a third (so it walks the newest rows), each right on its own path and badly wrong on the
 * other (docs/scaling.md). The knowledge base confirms its articles' text with it too.
 */
export function contains(text: SQL, term: string, path: SearchPath): SQL {
  if (path === "window") return sql`strpos(lower(${text}), lower(${term})) > 0`;
  const pattern = `%${term.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
  return sql`lower(${text}) like ${pattern}`;
}

const textWithoutIdentifiers = sql`kesu_without_identifiers(replace(${complaints.searchText},
  coalesce((select ${customers.phone} from ${customers} where ${customers.id} = ${complaints.customerId}), ''), ' '))`;

const writtenWithoutIdentifiers = sql`kesu_without_identifiers(replace(t.text,
  coalesce((select cu.phone from ${complaints} of_text join ${customers} cu on cu.id = of_text.customer_id
            where of_text.id = t.complaint_id), ''), ' '))`;
