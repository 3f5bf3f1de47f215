import type { ComplaintCommand } from "../../../domain/complaint/complaint-lifecycle.js";
import { assign } from "./assign.js";
import { callback } from "./callback.js";
import { close } from "./close.js";
import { contact } from "./contact.js";
import { dispatch } from "./dispatch.js";
import { escalate } from "./escalate.js";
import { followUp } from "./follow-up.js";
import { merge } from "./merge.js";
import { note } from "./note.js";
import { reopen } from "./reopen.js";
import { reply } from "./reply.js";
import type { CommandRequest } from "./run-complaint-command.js";
import { upgrade } from "./upgrade.js";
import { withdraw } from "./withdraw.js";

/** Each command of the complaint lifecycle by its name in the API (POST /complaints/{id}/<name>). */
// biome-ignore lint/suspicious/noExplicitAny: each entry takes its own command's body, checked by the route's schema
export const complaintCommandHandlers: Record<ComplaintCommand, (body: any) => CommandRequest> = {
  assign,
  dispatch,
  reply,
  "follow-up": followUp,
  close,
  reopen,
  escalate,
  upgrade,
  withdraw,
  merge,
  note,
  contact,
  callback,
};
