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
}

export type BreachChange =
  | { action: "raise_severity"; from: Severity; to: Severity }
  | { action: "reassign_to_supervisor"; from: string | null; to: SupervisorLoad };

/**
 * The changes one breach makes, in the policy's order. A case already at critical is not raised;
 * a case already owned by a supervisor or an admin is not reassigned (it is already supervised),
 * so a second breach on the same case changes nothing more. `add_supervisor_watcher` changes no
 * field: every active supervisor is told of every warning and breach.
 */
export function breachChanges(
  actions: readonly BreachAction[],
  state: BreachCase,
  supervisors: readonly SupervisorLoad[],
): BreachChange[] {
  const changes: BreachChange[] = [];
  for (const action of actions) {
    if (action === "raise_severity" && state.severity !== "critical") {
      changes.push({ action, from: state.severity, to: raisedSeverity(state.severity) });
    }
    if (
      action === "reassign_to_supervisor" &&
      state.ownerRole !== "supervisor" &&
      state.ownerRole !== "admin"
    ) {
      const to = chooseSupervisor(state.ownerDepartmentId, supervisors);
      if (to && to.id !== state.ownerId) changes.push({ action, from: state.ownerId, to });
    }
  }
  return changes;
}

/** The case after the changes (the sweep applies a batch's breaches one after another). */
export function afterChanges(state: BreachCase, changes: readonly BreachChange[]): BreachCase {
  const after = { ...state };
  for (const change of changes) {
    if (change.action === "raise_severity") after.severity = change.to;
    else {
      after.ownerId = change.to.id;
      after.ownerRole = "supervisor";
      after.ownerDepartmentId = change.to.departmentId;
    }
  }
  return after;
}
