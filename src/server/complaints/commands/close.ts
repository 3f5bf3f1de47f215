import { hasOwnerFinding } from "../../../domain/complaint/judgement.js";
import { AppError } from "../../http/app-error.js";
import { assertNoPendingRemedy } from "../../remedies/remedy-store.js";
import { assertCustomerTold, stopClocks } from "../../sla/clock-effects.js";
import type { Body } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

export const close = (body: Body<"close">): CommandRequest => ({
  command: "close",
  version: body.version,
  async perform({ tx, complaint, now }) {
    await assertCustomerTold(tx, complaint.id);
    await assertNoPendingRemedy(tx, complaint.id);
    if (!hasOwnerFinding(complaint)) throw new AppError("finding_required");
    await stopClocks(tx, { complaintId: complaint.id }, now);
    return {
      set: { closeReason: body.reason, closedAt: now },
      events: [{ type: "closed", data: { reason: body.reason } }],
    };
  },
});
