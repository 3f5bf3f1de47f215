import { remedyReversals } from "../../../db/schema.js";
import { mayReverseRemedy } from "../../../domain/remedy/remedy-policy.js";
import { lockVisibleComplaint } from "../../case/visible-complaint.js";
import { AppError } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import { authorize } from "../../http/authorize.js";
import { recordRemedyStep } from "../remedy-steps.js";
import { isReversed, lockRemedy, personOf } from "../remedy-store.js";

/**
 * 冲正: a granted remedy taken back by a reversal row of its own; the remedy's row never changes.
 * Once only: a second reversal, or one of a remedy never granted, is 409 `remedy_not_reversible`.
 */
export async function reverseRemedy(
  { db, caller, clock }: Acting,
  remedyId: string,
  reason: string,
) {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const remedy = await lockRemedy(tx, remedyId);
    await lockVisibleComplaint(tx, caller, remedy.complaintId, "remedy");
    authorize(mayReverseRemedy(caller, remedy));
    const reversed = await isReversed(tx, remedyId);
    if (remedy.status !== "granted" || reversed)
      throw new AppError(
        "remedy_not_reversible",
        {},
        { status: reversed ? "reversed" : remedy.status },
      );
    await tx
      .insert(remedyReversals)
      .values({ remedyId, reason, reversedById: caller.id, createdAt: now });
    await recordRemedyStep(tx, caller, remedy, "reversed", {
      reason,
      requestedBy: await personOf(tx, remedy.requestedById),
    });
  });
}
