// Who sees which cases in the reports. Seed 004 puts complaint KPIs into every agent's and every
// department's appraisal: an agent sees their own figures beside the team's totals, a department
// handler their department's cases, the rest of the center everything.

import type { Role } from "../access/roles.js";

/**
 * `all`: every case. `department`: cases dispatched to the caller's department (rows and total).
 * `own_with_team_total`: rows of the caller's own cases; the total row is the whole team's.
 */
export type ReportScope = "all" | "department" | "own_with_team_total";

export function reportScope(role: Role): ReportScope {
  if (role === "department_handler") return "department";
  if (role === "agent") return "own_with_team_total";
  return "all";
}

/** The classified table filed with the regulator: those who answer for the center's figures. */
export function canReadRegulatorReport(role: Role): boolean {
  return role === "supervisor" || role === "admin" || role === "quality" || role === "specialist";
}

/** What a KPI table's rows are: the lead department, the owner, or a case attribute. */
export const reportGroupings = [
  "department",
  "agent",
  "category",
  "cause",
  "channel",
  "businessType",
  "product",
  "source",
] as const;
export type ReportGrouping = (typeof reportGroupings)[number];
