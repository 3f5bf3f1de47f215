import type { Body } from "./command-helpers.js";
import type { CommandRequest } from "./run-complaint-command.js";

/** Internal notes are never shown to the customer. */
export const note = (body: Body<"note">): CommandRequest => ({
  command: "note",
  async perform() {
    return { events: [{ type: "note", data: { text: body.text } }] };
  },
});
