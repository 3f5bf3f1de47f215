import { mayRecordFollowUp } from "../../../domain/complaint/follow-up-rules.js";
import { AppError } from "../../http/app-error.js";
import { loadServiceSettings } from "../../service-settings/service-settings.store.js";
import { stopClocks } from "../../sla/clock-effects.js";
import { type Body, newRoundDueAt } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

export const followUp = (body: Body<"follow-up">): CommandRequest => ({
  command: "follow-up",
  version: body.version,
  satisfaction: body.satisfaction,
  async perform({ tx, caller, complaint, now }) {
    if (!mayRecordFollowUp(caller.id, complaint.ownerId, await loadServiceSettings(tx)))
      throw new AppError("follow_up_not_independent");
    const dissatisfied = body.satisfaction === "dissatisfied";
    const reopenCount = complaint.reopenCount + (dissatisfied ? 1 : 0);
    await stopClocks(tx, { complaintId: complaint.id, names: ["followUp"] }, now);
    const dueAt = dissatisfied ? await newRoundDueAt(tx, complaint, now) : undefined;
    return {
      set: { satisfaction: body.satisfaction, reopenCount, ...(dueAt && { dueAt }) },
      events: [
        {
          type: "followed_up",
          data: { satisfaction: body.satisfaction, comment: body.comment ?? null },
        },
        // 重办: a dissatisfied customer sends the case back for another round.
        ...(dissatisfied
          ? [{ type: "reopened", data: { reason: "follow_up_dissatisfied", reopenCount } }]
          : []),
      ],
    };
  },
});
