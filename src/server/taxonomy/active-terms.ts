import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { oneRow } from "../../db/prepared.js";
import { taxonomyTerms } from "../../db/schema.js";
import { fieldInvalid } from "../http/app-error.js";
import type { TaxonomyList } from "./taxonomy.schemas.js";

// Whether the list codes a request names are active entries: commands and routes alike ask it,
// so it lives apart from the lists' own routes.

type GivenTerms = { list: TaxonomyList; field: string; codes: (string | null | undefined)[] }[];

/** Every code given must be an active entry of its list; the field is named when one is not. */
export async function assertTerms(tx: Tx | Database, given: GivenTerms) {
  const check = termCheck(given);
  if (check.pairs.length === 0) return;
  // Every list in one read, as intake's (src/server/complaints/commands/intake-plan.ts).
  const [row] = await tx.select({ active: activeTerms(sql.param(check.pairs)) }).from(oneRow);
  check.assertActive(row!.active);
}

/**
 * The codes given as `list:code` pairs, and the check that each is among the active ones (the
 * first field with one that is not is named), for a statement that reads them with other things.
 */
export function termCheck(given: GivenTerms) {
  const wanted = given.map(({ list, field, codes }) => ({
    list,
    field,
    codes: [...new Set(codes.filter((c): c is string => Boolean(c)))],
  }));
  return {
    pairs: wanted.flatMap(({ list, codes }) => codes.map((code) => `${list}:${code}`)),
    assertActive(active: readonly string[]) {
      const found = new Set(active);
      for (const { list, field, codes } of wanted) {
        if (codes.some((code) => !found.has(`${list}:${code}`)))
          throw fieldInvalid(field, "unknown_term");
      }
    },
  };
}

/** Which of these `list:code` pairs (a text[] parameter) are active entries. */
export const activeTerms = (pairs: unknown) =>
  sql<string[]>`(select coalesce(array_agg(t.list || ':' || t.code), '{}') from ${taxonomyTerms} t
    where t.active and t.list || ':' || t.code = any(${pairs}::text[]))`;
