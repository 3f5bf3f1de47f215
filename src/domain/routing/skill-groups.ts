// Skill groups (技能组): which staff take which cases. Pure rules, no I/O.

import type { Role } from "../access/roles.js";
import type { Severity } from "../complaint/case-attributes.js";

/** Supervisors watch the groups' queues and decide held reassignments; admins keep the groups. */
export const canWatchGroups = (role: Role) => role === "admin" || role === "supervisor";

export const assignmentRules = ["round_robin", "least_loaded"] as const;
export type AssignmentRule = (typeof assignmentRules)[number];

/** What happens to an off-duty owner's cases after the group's wait: moved, or a supervisor asked. */
export const reassignModes = ["automatic", "supervisor"] as const;
export type ReassignMode = (typeof reassignModes)[number];

/** 直接受理 or a transfer from an upper-level hotline (12378, 12363…). */
export const caseSources = ["direct", "transfer"] as const;

export interface GroupCriteria {
  id: string;
  name: string;
  /** An empty list takes every value. */
  categories: readonly string[];
  businessTypes: readonly string[];
  sources: readonly string[];
  severities: readonly string[];
}

export interface CaseFacts {
  category: string | null;
  businessType: string | null;
  sourceType: string;
  severity: Severity;
}

const takes = (list: readonly string[], value: string | null) =>
  list.length === 0 || (value !== null && list.includes(value));

export function groupTakes(group: GroupCriteria, facts: CaseFacts): boolean {
  return (
    takes(group.categories, facts.category) &&
    takes(group.businessTypes, facts.businessType) &&
    takes(group.sources, facts.sourceType) &&
    takes(group.severities, facts.severity)
  );
}

const specificity = (g: GroupCriteria) =>
  [g.categories, g.businessTypes, g.sources, g.severities].filter((l) => l.length > 0).length;

/**
 * The one group whose queue a case joins: of those that take it, the most specific (a senior
 * group for transfers beats the catch-all), then by name and id, so every server picks the same.
 */
export function matchingGroup<G extends GroupCriteria>(
  groups: readonly G[],
  facts: CaseFacts,
): G | null {
  const fitting = groups.filter((g) => groupTakes(g, facts));
  fitting.sort(
    (a, b) =>
      specificity(b) - specificity(a) ||
      a.name.localeCompare(b.name, "zh-CN") ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return fitting[0] ?? null;
}
