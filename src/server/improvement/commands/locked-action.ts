import { eq } from "drizzle-orm";
import type { Tx } from "../../../db/client.js";
import { improvementActions } from "../../../db/schema.js";
import { mayReadAction } from "../../../domain/improvement/improvement-actions.js";
import { notFound, versionConflict } from "../../http/app-error.js";
import type { Caller } from "../../http/app-types.js";

/** The action locked for a change, 404 when the caller may not see it, 409 when `version` is stale. */
export async function lockedAction(tx: Tx, caller: Caller, id: string, version: number) {
  const [row] = await tx
    .select()
    .from(improvementActions)
    .where(eq(improvementActions.id, id))
    .for("update");
  if (!row || !mayReadAction(caller, row)) throw notFound("improvement_action");
  if (row.version !== version) throw versionConflict(row.version, "improvement_action");
  return row;
}
