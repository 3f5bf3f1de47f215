import { eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client.js";
import { notFound, versionConflict } from "./app-error.js";
import type { ErrorWord } from "./error-messages.js";

/**
 * An update guarded by `id and version` that matched no row tells nothing of why: this answers
 * 404 when the row is gone, else 409 with the version it is at now.
 */
export async function refuseStaleEdit(
  tx: Tx,
  table: PgTable & { id: PgColumn; version: PgColumn },
  id: string,
  entity: Exclude<ErrorWord, "complaint">,
): Promise<never> {
  const [current] = await tx.select({ version: table.version }).from(table).where(eq(table.id, id));
  if (!current) throw notFound(entity);
  throw versionConflict(current.version as number, entity);
}
