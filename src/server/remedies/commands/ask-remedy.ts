import { remedies } from "../../../db/schema.js";
import { isOpen } from "../../../domain/complaint/complaint-lifecycle.js";
import { authorityMonthStart, decideAuthority } from "../../../domain/remedy/authority.js";
import { fenFromYuan } from "../../../domain/remedy/money.js";
import { mayAskRemedy } from "../../../domain/remedy/remedy-policy.js";
import { lockVisibleComplaint } from "../../case/visible-complaint.js";
import { AppError } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import { authorize } from "../../http/authorize.js";
import { notifyUsers } from "../../notifications/notify.js";
import { startRemedyApprovalClock } from "../../sla/clock-effects.js";
import type { AskRemedyBody } from "../remedy.schemas.js";
import { recordRemedyStep } from "../remedy-steps.js";
import {
  approversFor,
  grantedSinceFen,
  loadAuthorityLimits,
  lockPersonsGrants,
} from "../remedy-store.js";

/**
 * 补救: granted on the spot within the caller's authority (授权: per case, and this month's
 * grants of the type counted), else pending for the lowest role whose limit covers it, with an
 * approval clock and the approvers told. Answers the new remedy's id.
 */
export async function askRemedy(
  { db, caller, clock }: Acting,
  complaintId: string,
  body: AskRemedyBody,
  timeZone: string,
): Promise<string> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { complaint, access } = await lockVisibleComplaint(tx, caller, complaintId);
    authorize(mayAskRemedy(caller, access));
    if (!isOpen(complaint.status))
      throw new AppError(
        "invalid_transition",
        { status: complaint.status, command: "remedy" },
        { allowed: [] },
      );
    await lockPersonsGrants(tx, caller.id);
    const amountFen = fenFromYuan(body.amount)!;
    const answer = decideAuthority(await loadAuthorityLimits(tx), {
      role: caller.role,
      type: body.type,
      amountFen,
      grantedThisMonthFen: await grantedSinceFen(
        tx,
        caller.id,
        body.type,
        authorityMonthStart(now, timeZone),
      ),
    });
    const granted = answer.status === "granted";
    const [remedy] = await tx
      .insert(remedies)
      .values({
        complaintId,
        type: body.type,
        amountFen,
        reason: body.reason,
        status: answer.status,
        requestedById: caller.id,
        ...(granted
          ? { decidedById: caller.id, decidedAt: now }
          : { approverRole: answer.approverRole }),
        createdAt: now,
      })
      .returning();
    if (granted) {
      await recordRemedyStep(tx, caller, remedy!, "granted", { reason: body.reason });
      return remedy!.id;
    }
    await startRemedyApprovalClock(tx, complaint, remedy!.id, now);
    await recordRemedyStep(tx, caller, remedy!, "requested", {
      reason: body.reason,
      approver: answer.approverRole,
    });
    await notifyUsers(
      tx,
      await approversFor(tx, answer.approverRole, caller.id),
      complaint,
      ["remedy_requested"],
      { remedyId: remedy!.id, type: body.type, amount: body.amount },
    );
    return remedy!.id;
  });
}
