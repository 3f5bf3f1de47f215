// Who may do what to a complaint. State rules live in complaint-lifecycle.ts; this file
// only answers the role/ownership question, and allowedActions combines the two.

import { allow, allowIf, type Decision, refuse } from "../access/decision.js";
import type { Actor } from "../access/roles.js";
import {
  type ComplaintCommand,
  commandsAllowedInState,
  complaintCommands,
  isOpen,
  type LifecycleState,
} from "./complaint-lifecycle.js";
import type { WorkOrderStatus } from "./work-order-lifecycle.js";

export interface ComplaintAccess extends LifecycleState {
  ownerId: string | null;
  workOrders: { departmentId: string; status: WorkOrderStatus }[];
  /** Who registered it: a department handler follows the cases they handed over. */
  createdById?: string;
}

// One accountable owner per case (seed 002): an agent may only drive a case nobody owns yet
// or their own, so two agents never make conflicting promises to the same customer.
const ownerOnlyForAgents: readonly ComplaintCommand[] = [
  "assign",
  "dispatch",
  "reply",
  "close",
  "escalate",
  "upgrade",
  "withdraw",
  "merge",
  "callback",
];
// Anyone on the hotline may take the customer's next call or run the follow-up visit.
const anyAgent: readonly ComplaintCommand[] = ["follow-up", "note", "contact"];
// Follow-up visits are done by an independent team, so quality can record them on any case.
const qualityCommands: readonly ComplaintCommand[] = ["follow-up", "note"];
// Departments answer through their work orders; on the case itself they may only add to the record.
const departmentCommands: readonly ComplaintCommand[] = ["note", "contact"];

export function canViewComplaint(actor: Actor, c: ComplaintAccess): boolean {
  if (actor.role !== "department_handler") return true;
  const department = actor.departmentId;
  if (c.createdById === actor.id) return true;
  // Past orders count too: a department that returned or finished work can still see the case it touched.
  return department !== null && c.workOrders.some((order) => order.departmentId === department);
}

const isUnownedOrOwnedBy = (actor: Actor, c: ComplaintAccess): boolean =>
  c.ownerId === null || c.ownerId === actor.id;

export function mayRunCommand(
  actor: Actor,
  c: ComplaintAccess,
  command: ComplaintCommand,
): Decision {
  switch (actor.role) {
    case "admin":
    case "supervisor":
    case "specialist":
      return allow;
    case "agent":
      // reopen is in neither list: 重办 is a decision above the front line.
      if (anyAgent.includes(command)) return allow;
      if (!ownerOnlyForAgents.includes(command)) return refuse("role_required");
      return allowIf(isUnownedOrOwnedBy(actor, c), "not_owner");
    case "quality":
      return allowIf(qualityCommands.includes(command), "role_required");
    case "department_handler":
      return allowIf(
        departmentCommands.includes(command) && canViewComplaint(actor, c),
        "role_required",
      );
  }
}

export function allowedActions(actor: Actor, c: ComplaintAccess): ComplaintCommand[] {
  if (!canViewComplaint(actor, c)) return [];
  const inState = commandsAllowedInState(c);
  return complaintCommands.filter(
    (command) => inState.includes(command) && mayRunCommand(actor, c, command).ok,
  );
}

export function mayAssignTo(actor: Actor, assigneeId: string): Decision {
  switch (actor.role) {
    case "agent":
      return allowIf(assigneeId === actor.id, "assign_only_self");
    case "specialist":
    case "supervisor":
    case "admin":
      return allow;
    case "department_handler":
    case "quality":
      return refuse("role_required");
  }
}

// Supervisors and admins may act for a department (e.g. sign for it when it is unreachable).
export function mayRunWorkOrderCommand(
  actor: Actor,
  workOrder: { departmentId: string },
): Decision {
  switch (actor.role) {
    case "supervisor":
    case "admin":
      return allow;
    case "department_handler":
      return allowIf(
        actor.departmentId !== null && actor.departmentId === workOrder.departmentId,
        "not_your_department",
      );
    case "agent":
    case "specialist":
    case "quality":
      return refuse("not_your_department");
  }
}

/** Correcting the record's fields (subject, category, causes…) follows the owner rule while the case is open. */
export function mayEditComplaint(actor: Actor, c: ComplaintAccess): Decision {
  if (!isOpen(c.status)) return refuse("role_required");
  if (actor.role === "agent") return allowIf(isUnownedOrOwnedBy(actor, c), "not_owner");
  return allowIf(
    actor.role === "admin" || actor.role === "supervisor" || actor.role === "specialist",
    "role_required",
  );
}
