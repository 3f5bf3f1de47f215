import type { Tx } from "../../db/client.js";
import { yuanFromFen } from "../../domain/remedy/money.js";
import { recordAudit } from "../audit/record-audit.js";
import { appendTimeline } from "../case/timeline.js";
import type { Caller } from "../http/app-types.js";
import type { RemedyRow } from "./remedy-store.js";

/** Each step of a remedy's life, as its timeline event and audit action are named. */
export type RemedyStep = "granted" | "requested" | "approved" | "rejected" | "reversed";

/**
 * A step on the case's timeline (the actor with their 工号, written by appendTimeline) and in the
 * audit log, in the transaction that takes it. `data` adds what the step says besides the remedy:
 * the approver role, a note, a reason, the asker's 工号.
 */
export async function recordRemedyStep(
  tx: Tx,
  caller: Caller,
  remedy: RemedyRow,
  step: RemedyStep,
  data: Record<string, unknown> = {},
) {
  const about = {
    remedyId: remedy.id,
    type: remedy.type,
    amount: yuanFromFen(remedy.amountFen),
    ...data,
  };
  await appendTimeline(tx, caller, remedy.complaintId, [{ type: `remedy_${step}`, data: about }]);
  await recordAudit(tx, caller, `remedy_${step}`, "remedies", remedy.id, about);
}
