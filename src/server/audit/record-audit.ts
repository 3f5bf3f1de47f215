import type { Tx } from "../../db/client.js";
import { auditLog } from "../../db/schema.js";
import type { Caller } from "../http/app-types.js";

/** Writes the audit row inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(
  tx: Tx,
  caller: Caller | null,
  action: string,
  entity: string,
  entityId: string,
  data: Record<string, unknown> = {},
) {
  await tx.insert(auditLog).values({
    actorId: caller?.id ?? null,
    actorAgentNo: caller?.agentNo ?? null,
    action,
    entity,
    entityId,
    data,
  });
}
