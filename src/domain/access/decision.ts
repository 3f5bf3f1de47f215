/**
 * Why a policy refuses: the server turns it into the 403's reason, in the caller's language, the
 * same wherever the rule is asked.
 */
export type RefusalReason =
  | "role_required"
  | "not_owner"
  | "not_your_department"
  | "assign_only_self"
  | "share_role"
  | "not_view_owner"
  | "own_remedy"
  | "remedy_approver_role"
  | "not_on_team"
  | "not_champion"
  | "not_uploader"
  | "own_action";

/** A policy's answer: yes, or no with the reason a person can act on. */
export type Decision = { ok: true } | { ok: false; reason: RefusalReason };

export const allow: Decision = { ok: true };
export const refuse = (reason: RefusalReason): Decision => ({ ok: false, reason });
/** `allow` when the condition holds, else the refusal. */
export const allowIf = (condition: boolean, otherwise: RefusalReason): Decision =>
  condition ? allow : refuse(otherwise);
