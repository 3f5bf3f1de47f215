import { eq } from "drizzle-orm";
import { complaints } from "../../../db/schema.js";
import { closeRefusal } from "../../../domain/complaint/follow-up-rules.js";
import { hasOwnerFinding } from "../../../domain/complaint/judgement.js";
import { AppError } from "../../http/app-error.js";
import { assertNoPendingRemedy } from "../../remedies/remedy-store.js";
import { loadServiceSettings } from "../../service-settings/service-settings.store.js";
import { assertCustomerTold, stopClocks } from "../../sla/clock-effects.js";
import { failedAttemptsSinceReply } from "../follow-up-attempts.js";
import type { Body } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

export const close = (body: Body<"close">): CommandRequest => ({
  command: "close",
  version: body.version,
  async perform({ tx, complaint, now }) {
    await assertCustomerTold(tx, complaint.id);
    await assertNoPendingRemedy(tx, complaint.id);
    if (!hasOwnerFinding(complaint)) throw new AppError("finding_required");
    const [counted] = await tx
      .select({ attempts: failedAttemptsSinceReply(complaint.id) })
      .from(complaints)
      .where(eq(complaints.id, complaint.id));
    const attempts = counted?.attempts ?? 0;
    const refusal = closeRefusal({
      status: complaint.status,
      reasonCode: body.reasonCode,
      failedAttempts: attempts,
      settings: await loadServiceSettings(tx),
    });
    if (refusal?.code === "close_reason_required") throw new AppError(refusal.code);
    if (refusal)
      throw new AppError(
        refusal.code,
        { attempts: refusal.attempts, required: refusal.required },
        { attempts: refusal.attempts, required: refusal.required },
      );
    await stopClocks(tx, { complaintId: complaint.id }, now);
    const reasonCode = body.reasonCode ?? null;
    return {
      set: { closeReason: body.reason, closeReasonCode: reasonCode, closedAt: now },
      events: [
        {
          type: "closed",
          data: {
            reason: body.reason,
            ...(reasonCode && { reasonCode }),
            ...(reasonCode === "customer_unreachable" && { attempts }),
          },
        },
      ],
    };
  },
});
