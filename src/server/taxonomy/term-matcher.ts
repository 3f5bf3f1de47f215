import { and, eq } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { taxonomyTerms } from "../../db/schema.js";
import type { TaxonomyList } from "./taxonomy.schemas.js";

/**
 * A file's own words for a list's term (its code, Chinese or English label, any case) matched to
 * our active code; what matches nothing gives undefined and the field stays empty.
 */
export async function termMatcher(tx: Database | Tx, list: TaxonomyList) {
  const terms = await tx
    .select()
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.list, list), eq(taxonomyTerms.active, true)));
  const byText = new Map<string, string>();
  for (const t of terms)
    for (const key of [t.code, t.labelZh, t.labelEn]) byText.set(key.toLowerCase(), t.code);
  return (text: string | null) =>
    text ? (byText.get(text.toLowerCase()) ?? undefined) : undefined;
}
