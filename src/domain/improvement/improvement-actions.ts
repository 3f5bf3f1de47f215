// 整改措施: an improvement action taken on a cause or category the monthly analysis pointed at,
// tracked until someone other than its owner has checked that it worked (seed 004: summary,
// analysis, feedback, improvement). Pure rules: the status flow, who may do what, overdue.

import { allow, type Decision, refuse } from "../access/decision.js";
import type { Actor, Role } from "../access/roles.js";

export const actionStatuses = ["open", "in_progress", "done", "verified"] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** The statuses the owner (or a manager) may set by hand; `verified` only comes from a verification. */
export const progressStatuses = ["open", "in_progress", "done"] as const;
export type ProgressStatus = (typeof progressStatuses)[number];

/** The action's people, as the rules need them. */
export interface ActionPeople {
  ownerId: string;
  departmentId: string | null;
}

/** Supervisors, quality and admins set actions up and judge whether they worked. */
export function canManageActions(role: Role): boolean {
  return role === "supervisor" || role === "quality" || role === "admin";
}

/**
 * Everyone in the center reads the actions (they are about the work, not about a customer); a
 * department handler reads their department's and their own.
 */
export function mayReadAction(actor: Actor, action: ActionPeople): boolean {
  if (actor.role !== "department_handler") return true;
  return (
    action.ownerId === actor.id ||
    (actor.departmentId !== null && action.departmentId === actor.departmentId)
  );
}

/** Title, owner, due date and links: the managers'. Status and progress notes: also the owner's. */
export function mayEditAction(
  actor: Actor,
  action: ActionPeople,
  change: { fields: boolean },
): Decision {
  if (canManageActions(actor.role)) return allow;
  if (action.ownerId !== actor.id) return refuse("not_owner");
  return change.fields ? refuse("role_required") : allow;
}

/** The verdict needs a manager who is not the owner: one does not verify one's own work. */
export function mayVerifyAction(actor: Actor, action: ActionPeople): Decision {
  if (!canManageActions(actor.role)) return refuse("role_required");
  return action.ownerId === actor.id ? refuse("own_action") : allow;
}

export type StatusCheck =
  | { ok: true; status: ActionStatus; event: string }
  | { ok: false; reason: "action_verified" | "action_not_done" };

/**
 * A status set by hand (or kept, when `to` is not given): any of open, in progress, done, but a
 * verified action is finished.
 */
export function checkProgress(from: ActionStatus, to?: ProgressStatus): StatusCheck {
  if (from === "verified") return { ok: false, reason: "action_verified" };
  const status = to ?? from;
  return { ok: true, status, event: from === status ? "action_updated" : `action_${status}` };
}

/** A verification: a done action becomes verified, or goes back to work (reopened) when it failed. */
export function checkVerification(from: ActionStatus, effective: boolean): StatusCheck {
  if (from === "verified") return { ok: false, reason: "action_verified" };
  if (from !== "done") return { ok: false, reason: "action_not_done" };
  return effective
    ? { ok: true, status: "verified", event: "action_verified" }
    : { ok: true, status: "in_progress", event: "action_reopened" };
}

/** Past its due date (a day in the center's time zone) and not yet done. */
export function isOverdue(action: { status: ActionStatus; dueDate: string }, today: string) {
  return (action.status === "open" || action.status === "in_progress") && action.dueDate < today;
}

/** How the analysis counts a month's actions: still open, done, verified, and overdue among the open. */
export function actionTally(
  actions: readonly { status: ActionStatus; dueDate: string }[],
  today: string,
) {
  const tally = { open: 0, done: 0, verified: 0, overdue: 0 };
  for (const a of actions) {
    if (a.status === "verified") tally.verified++;
    else if (a.status === "done") tally.done++;
    else tally.open++;
    if (isOverdue(a, today)) tally.overdue++;
  }
  return tally;
}

/**
 * The monthly analysis covers the whole center (every department's returns and late results):
 * read, and received by mail, by those who answer for its figures.
 */
export function canReadMonthlyAnalysis(role: Role): boolean {
  return canManageActions(role) || role === "specialist";
}

/** A history row of an action, as `improvement_action_events` keeps it. */
export interface ActionEvent {
  type: string;
  at: Date;
  data: { dueDate?: unknown };
}

const statusAfter: Record<string, ActionStatus> = {
  action_created: "open",
  action_open: "open",
  action_in_progress: "in_progress",
  action_done: "done",
  action_verified: "verified",
  action_reopened: "in_progress",
};

/**
 * An action as it stood at `instant`, replayed from its history (in order): a past month's
 * analysis shows what was open, done or overdue then, not what became of it since. Null when it
 * did not exist yet.
 */
export function actionAsOf(events: readonly ActionEvent[], instant: Date) {
  let state = null as { status: ActionStatus; dueDate: string } | null;
  for (const e of events) {
    if (e.at >= instant) break;
    const status: ActionStatus | undefined = statusAfter[e.type] ?? state?.status;
    const dueDate: string | undefined =
      typeof e.data.dueDate === "string" ? e.data.dueDate : state?.dueDate;
    if (status && dueDate) state = { status, dueDate };
  }
  return state;
}
