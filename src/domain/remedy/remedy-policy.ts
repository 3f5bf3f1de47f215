// Who may ask for, reverse and read remedies. Deciding a pending one is the authority rule's
// (authority.ts, mayDecideRemedy); how much one may grant on the spot is too.

import { allow, allowIf, type Decision, refuse } from "../access/decision.js";
import type { Actor, Role } from "../access/roles.js";
import { type ComplaintAccess, mayRunCommand } from "../complaint/complaint-policy.js";
import { type GrantingRole, isGrantingRole, mayDecideRemedy } from "./authority.js";
import type { RemedyStatus } from "./remedy.js";

/**
 * A remedy is part of the answer to the customer: whoever may reply on the case (an agent on
 * their own or an unowned case, specialists, supervisors and admins on any) may offer one.
 * Quality and departments grant nothing.
 */
export function mayAskRemedy(actor: Actor, c: ComplaintAccess): Decision {
  if (!isGrantingRole(actor.role)) return refuse("role_required");
  return mayRunCommand(actor, c, "reply");
}

/**
 * A reversal (冲正) corrects the record of a remedy that was not in fact given, or given by
 * mistake: by the person who granted it, or by a supervisor or admin. It takes money back, so
 * it needs no second pair of eyes.
 */
export function mayReverseRemedy(actor: Actor, remedy: { decidedById: string | null }): Decision {
  if (actor.role === "supervisor" || actor.role === "admin") return allow;
  return allowIf(isGrantingRole(actor.role) && remedy.decidedById === actor.id, "role_required");
}

export const remedyActions = ["approve", "reject", "reverse"] as const;
export type RemedyAction = (typeof remedyActions)[number];

/** The actions this person may take on the remedy now, as the workbench offers them. */
export function allowedRemedyActions(
  actor: Actor,
  remedy: {
    status: RemedyStatus;
    requestedById: string;
    approverRole: GrantingRole | null;
    decidedById: string | null;
  },
): RemedyAction[] {
  const { status, approverRole } = remedy;
  if (status === "pending_approval" && approverRole)
    return mayDecideRemedy(actor, { ...remedy, approverRole }).ok ? ["approve", "reject"] : [];
  if (status === "granted" && mayReverseRemedy(actor, remedy).ok) return ["reverse"];
  return [];
}

/**
 * What the remedies ledger shows a role: everything to those who answer for the money
 * (supervisors, admins, specialists, who approve) and to quality, who checks it; an agent sees
 * what they asked for themselves (their month against their limit); departments see nothing.
 */
export function ledgerScope(role: Role): "all" | "own" | null {
  if (role === "department_handler") return null;
  return role === "agent" ? "own" : "all";
}

/**
 * The authority limits are no secret inside the center: whoever grants must know their own, and
 * quality checks grants against them. Only admins change them.
 */
export const mayReadAuthorityLimits = (role: Role) => role !== "department_handler";
