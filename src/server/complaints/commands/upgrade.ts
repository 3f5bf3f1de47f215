import { initialDueAt } from "../../../domain/complaint/initial-due-date.js";
import { replyDueAt, startPolicyClocks, stopClocks } from "../../sla/clock-effects.js";
import type { Body } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

export const upgrade = (body: Body<"upgrade">): CommandRequest => ({
  command: "upgrade",
  version: body.version,
  async perform({ tx, complaint, now }) {
    // The complaint's own clocks replace the inquiry's; history stays on the same case.
    await stopClocks(
      tx,
      { complaintId: complaint.id, names: ["customerReply", "resolution"] },
      now,
    );
    const started = await startPolicyClocks(
      tx,
      { ...complaint, kind: "complaint" },
      ["customerReply", "resolution"],
      now,
    );
    return {
      set: {
        kind: "complaint",
        dueAt:
          replyDueAt(started) ??
          initialDueAt("complaint", complaint.receivedAt, complaint.sourceExternalDueAt),
      },
      events: [
        {
          type: "upgraded",
          data: { from: complaint.kind, to: "complaint", reason: body.reason ?? null },
        },
      ],
    };
  },
});
