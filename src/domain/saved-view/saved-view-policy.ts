import { allowIf, type Decision } from "../access/decision.js";
import type { Actor, Role } from "../access/roles.js";

/** What the owner of a saved view may do with it. */
export const savedViewActions = ["update", "delete", "share"] as const;
export type SavedViewAction = (typeof savedViewActions)[number];

/** A shared view appears in everyone's queue, so only those who lead the team may share one. */
export function canShareViews(role: Role): boolean {
  return role === "supervisor" || role === "admin";
}

export function mayShareViews(role: Role): Decision {
  return allowIf(canShareViews(role), "share_role");
}

/** One of the caller's own views may be changed or deleted; a colleague's shared one not. */
export function mayChangeView(caller: Actor, view: { ownerId: string }): Decision {
  return allowIf(view.ownerId === caller.id, "not_view_owner");
}

/** Everyone keeps views of their own; a shared view stays its creator's to change. */
export function allowedViewActions(caller: Actor, view: { ownerId: string }): SavedViewAction[] {
  if (!mayChangeView(caller, view).ok) return [];
  return canShareViews(caller.role) ? ["update", "delete", "share"] : ["update", "delete"];
}
