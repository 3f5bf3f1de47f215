// Who gets the next waiting case of a group: round-robin or least-loaded, only among people on
// duty and under the group's cap. Pure: the server reads the facts under locks and writes the plan.

import type { Severity } from "../complaint/case-attributes.js";
import type { AssignmentRule } from "./skill-groups.js";

export const dutyStates = ["online", "break", "offline"] as const;
export type DutyState = (typeof dutyStates)[number];

/** Least-loaded counts a critical case as much as several low ones. */
export const severityWeights: Record<Severity, number> = {
  low: 1,
  normal: 2,
  high: 4,
  critical: 8,
};

export interface Member {
  userId: string;
  /** 工号: the round-robin order, readable in the admin screen. */
  agentNo: string;
  duty: DutyState;
  /** Open cases the person owns, in any group. */
  openCases: number;
  /** The same cases weighted by severity. */
  load: number;
}

export interface GroupPolicy {
  rule: AssignmentRule;
  /** Open cases a person may own before the group stops giving them more; null: no cap. */
  capPerPerson: number | null;
  /** The agent number last given a case by round-robin; the rotation goes on after it. */
  cursor: string | null;
}

export interface WaitingCase {
  id: string;
  severity: Severity;
}

export interface Plan {
  assignments: { caseId: string; userId: string }[];
  /** Where round-robin stops, to be kept for the next run. */
  cursor: string | null;
}

const byAgentNo = (a: Member, b: Member) =>
  a.agentNo < b.agentNo ? -1 : a.agentNo > b.agentNo ? 1 : a.userId < b.userId ? -1 : 1;

/** Only people 在线 take new cases; 小休 and 离线 keep what they have. */
export function mayTakeCase(member: Member, cap: number | null): boolean {
  return member.duty === "online" && (cap === null || member.openCases < cap);
}

/**
 * Gives the waiting cases, oldest first, to the group's members one at a time; a case nobody may
 * take (all off duty or at the cap) stays waiting, and so do the ones after it.
 */
export function planAssignments(
  policy: GroupPolicy,
  members: readonly Member[],
  waiting: readonly WaitingCase[],
): Plan {
  const people = members.map((m) => ({ ...m })).sort(byAgentNo);
  const assignments: Plan["assignments"] = [];
  let cursor = policy.cursor;
  for (const waitingCase of waiting) {
    const next =
      policy.rule === "round_robin"
        ? nextInTurn(people, policy.capPerPerson, cursor)
        : leastLoaded(people, policy.capPerPerson);
    if (!next) break;
    assignments.push({ caseId: waitingCase.id, userId: next.userId });
    next.openCases += 1;
    next.load += severityWeights[waitingCase.severity];
    if (policy.rule === "round_robin") cursor = next.agentNo;
  }
  return { assignments, cursor };
}

/** The first one able to take a case after the last one given one, going round. */
function nextInTurn(people: Member[], cap: number | null, cursor: string | null) {
  const able = people.filter((m) => mayTakeCase(m, cap));
  if (cursor === null) return able[0];
  return able.find((m) => m.agentNo > cursor) ?? able[0];
}

/** The lightest weighted load; ties go to fewer open cases, then to the lower agent number. */
function leastLoaded(people: Member[], cap: number | null) {
  let best: Member | undefined;
  for (const m of people) {
    if (!mayTakeCase(m, cap)) continue;
    if (!best || m.load < best.load || (m.load === best.load && m.openCases < best.openCases))
      best = m;
  }
  return best;
}
