import type { Actor, Role } from "../access/roles.js";

/** What the owner of a saved view may do with it. */
export const savedViewActions = ["update", "delete", "share"] as const;
export type SavedViewAction = (typeof savedViewActions)[number];

/** A shared view appears in everyone's queue, so only those who lead the team may share one. */
export function canShareViews(role: Role): boolean {
  return role === "supervisor" || role === "admin";
}

/** Everyone keeps views of their own; a shared view stays its creator's to change. */
export function allowedViewActions(caller: Actor, view: { ownerId: string }): SavedViewAction[] {
  if (view.ownerId !== caller.id) return [];
  return canShareViews(caller.role) ? ["update", "delete", "share"] : ["update", "delete"];
}
