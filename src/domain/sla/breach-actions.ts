// What a missed deadline does to its case beyond the timeline and the bell: the actions the
// complaint's SLA policy lists (raise severity, reassign to a supervisor, add the supervisor as
// watcher), worked out as pure data so the sweep can plan a whole batch before it writes it.

import type { Role } from "../access/roles.js";
import type { BreachAction, Severity } from "./sla-policy.js";

const severityAbove: Record<Severity, Severity> = {
  low: "normal",
  normal: "high",
  high: "critical",
  critical: "critical",
};

/** One level up; critical stays critical. */
export function raisedSeverity(severity: Severity): Severity {
  return severityAbove[severity] ?? severity;
}

/** An active supervisor as the sweep sees them: their department and how many open cases they own. */
export interface SupervisorLoad {
  id: string;
  agentNo: string;
  displayName: string;
  departmentId: string | null;
  /** Open (not closed, withdrawn or merged) complaints they own. */
  openCases: number;
}

const byLoad = (a: SupervisorLoad, b: SupervisorLoad) =>
  a.openCases - b.openCases || a.agentNo.localeCompare(b.agentNo);

/**
 * Who takes over a case whose deadline was missed (升级至主管). The rule, so two servers or two
 * runs always pick the same person:
 * 1. a supervisor of the owner's own department (the team lead who knows the work), the one
 *    with the fewest open cases among them;
 * 2. otherwise (no owner, an owner without a department, or a department without a supervisor)
 *    the active supervisor with the fewest open cases;
 * ties go to the lower agent number (工号). Null when there is no active supervisor.
 */
export function chooseSupervisor(
  ownerDepartmentId: string | null,
  supervisors: readonly SupervisorLoad[],
): SupervisorLoad | null {
  const own = ownerDepartmentId
    ? supervisors.filter((s) => s.departmentId === ownerDepartmentId)
    : [];
  const pool = own.length > 0 ? own : supervisors;
  return [...pool].sort(byLoad)[0] ?? null;
}

/** The facts of a case the breach actions read and change. */
export interface BreachCase {
  severity: Severity;
  ownerId: string | null;
  /** The owner's role and department; null while nobody owns the case. */
  ownerRole: Role | null;
  ownerDepartmentId: string | null;
  /** Who already follows the case (关注人). */
  watcherIds: readonly string[];
}

export type BreachChange =
  | { action: "raise_severity"; from: Severity; to: Severity }
  | { action: "reassign_to_supervisor"; from: string | null; to: SupervisorLoad }
  | { action: "add_supervisor_watcher"; to: SupervisorLoad };

/**
 * The changes one breach makes, in the policy's order, each seeing the case as the ones before
 * it left it. A case already at critical is not raised; a case already owned by a supervisor or
 * an admin is not reassigned (it is already supervised); the supervisor `chooseSupervisor` names
 * is added as a watcher unless they own or already follow the case. So a second breach on the
 * same case changes nothing more.
 */
export function breachChanges(
  actions: readonly BreachAction[],
  state: BreachCase,
  supervisors: readonly SupervisorLoad[],
): BreachChange[] {
  const changes: BreachChange[] = [];
  let current = state;
  for (const action of actions) {
    const change = changeFor(action, current, supervisors);
    if (!change) continue;
    changes.push(change);
    current = afterChanges(current, [change]);
  }
  return changes;
}

function changeFor(
  action: BreachAction,
  state: BreachCase,
  supervisors: readonly SupervisorLoad[],
): BreachChange | null {
  if (action === "raise_severity")
    return state.severity === "critical"
      ? null
      : { action, from: state.severity, to: raisedSeverity(state.severity) };
  const to = chooseSupervisor(state.ownerDepartmentId, supervisors);
  if (!to || to.id === state.ownerId) return null;
  if (action === "reassign_to_supervisor")
    return state.ownerRole === "supervisor" || state.ownerRole === "admin"
      ? null
      : { action, from: state.ownerId, to };
  return state.watcherIds.includes(to.id) ? null : { action, to };
}

/** The case after the changes (the sweep applies a batch's breaches one after another). */
export function afterChanges(state: BreachCase, changes: readonly BreachChange[]): BreachCase {
  const after = { ...state };
  for (const change of changes) {
    if (change.action === "raise_severity") after.severity = change.to;
    else if (change.action === "add_supervisor_watcher")
      after.watcherIds = [...after.watcherIds, change.to.id];
    else {
      after.ownerId = change.to.id;
      after.ownerRole = "supervisor";
      after.ownerDepartmentId = change.to.departmentId;
    }
  }
  return after;
}
