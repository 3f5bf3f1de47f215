import { eq } from "drizzle-orm";
import { remedies } from "../../../db/schema.js";
import { mayDecideRemedy } from "../../../domain/remedy/authority.js";
import { lockVisibleComplaint } from "../../case/visible-complaint.js";
import { AppError } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import { authorize } from "../../http/authorize.js";
import { notifyUsers } from "../../notifications/notify.js";
import { stopClocks } from "../../sla/clock-effects.js";
import { recordRemedyStep } from "../remedy-steps.js";
import { lockRemedy, personOf } from "../remedy-store.js";

/**
 * Approves or rejects a pending remedy, once: the row is locked, so of two approvers at once the
 * second waits and then finds it decided (409 `remedy_decided`). Stops the approval clock and
 * tells the one who asked.
 */
export async function decideRemedy(
  { db, caller, clock }: Acting,
  remedyId: string,
  decision: "approved" | "rejected",
  note: string | null,
) {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const remedy = await lockRemedy(tx, remedyId);
    const { complaint } = await lockVisibleComplaint(tx, caller, remedy.complaintId, "remedy");
    if (remedy.status !== "pending_approval" || !remedy.approverRole)
      throw new AppError("remedy_decided", {}, { status: remedy.status });
    authorize(mayDecideRemedy(caller, { ...remedy, approverRole: remedy.approverRole }));
    const [decided] = await tx
      .update(remedies)
      .set({
        status: decision === "approved" ? "granted" : "rejected",
        decidedById: caller.id,
        decidedAt: now,
        decisionNote: note,
      })
      .where(eq(remedies.id, remedyId))
      .returning();
    await stopClocks(tx, { complaintId: remedy.complaintId, remedyId }, now);
    await recordRemedyStep(tx, caller, decided!, decision, {
      note,
      requestedBy: await personOf(tx, remedy.requestedById),
    });
    await notifyUsers(tx, [remedy.requestedById], complaint, [`remedy_${decision}`], {
      remedyId,
      type: remedy.type,
      note,
    });
  });
}
