import { allowIf, type Decision } from "../access/decision.js";
import type { Actor } from "../access/roles.js";

/** An extension is decided by whom its policy names: a supervisor, or an admin only. Admins may always. */
export function mayDecideExtension(actor: Actor, approver: string): Decision {
  return allowIf(
    actor.role === "admin" || (actor.role === "supervisor" && approver === "supervisor"),
    "role_required",
  );
}

/** Reminders (催办) and supervision orders (督办) come from above the front line. */
export function mayOversee(actor: Actor): Decision {
  return allowIf(actor.role === "supervisor" || actor.role === "admin", "role_required");
}
