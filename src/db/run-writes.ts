import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "./client.js";

/**
 * Writes the given parts in one statement: data-modifying common table expressions all run,
 * once each, whether or not anything reads them.
 */
export async function runWrites(tx: Tx, parts: readonly SQL[]) {
  if (parts.length > 0) await tx.execute(sql`with ${sql.join([...parts], sql`, `)} select 1`);
}
