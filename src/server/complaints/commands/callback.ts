import { callbacks } from "../../../db/schema.js";
import { startCallbackClock } from "../../sla/clock-effects.js";
import type { Body } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

/** 承诺回电: a promise with a due time, so it cannot be forgotten (seed 002). */
export const callback = (body: Body<"callback">): CommandRequest => ({
  command: "callback",
  async perform({ tx, caller, complaint, now }) {
    // The schema holds dueAt to the deadline bounds (after now, at most five years ahead).
    const [row] = await tx
      .insert(callbacks)
      .values({
        complaintId: complaint.id,
        customerId: complaint.customerId,
        dueAt: body.dueAt,
        note: body.note ?? null,
        promisedById: caller.id,
      })
      .returning({ id: callbacks.id });
    await startCallbackClock(tx, complaint.id, row!.id, body.dueAt, now);
    return {
      events: [
        {
          type: "callback_promised",
          data: { callbackId: row!.id, dueAt: body.dueAt.toISOString(), note: body.note ?? null },
        },
      ],
    };
  },
});
