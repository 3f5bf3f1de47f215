// 考核 (seed 004: complaint KPIs in every agent's and department's appraisal): one agent's or one
// department's figure beside the median of all their peers, their rank, and whether the figure is
// better or worse than the median. Pure: the reports give the figures, this judges them.

import type { Actor, Role } from "../access/roles.js";
import { median } from "./kpi-measure.js";
import type { KpiId } from "./kpis.js";

export type AppraisalKind = "agent" | "department";

export interface AppraisalSubject {
  kind: AppraisalKind;
  id: string;
}

/**
 * Whose page a caller may open: supervisors, quality and admins any; an agent or a specialist
 * (both own cases) only their own; a department handler only their department's.
 */
export function canReadAppraisal(actor: Actor, subject: AppraisalSubject): boolean {
  if (canPickAppraisal(actor.role)) return true;
  switch (actor.role) {
    case "agent":
    case "specialist":
      return subject.kind === "agent" && subject.id === actor.id;
    case "department_handler":
      return subject.kind === "department" && subject.id === actor.departmentId;
    default:
      return false;
  }
}

/** Those who answer for the center's people and departments open anyone's page. */
export function canPickAppraisal(role: Role): boolean {
  return role === "supervisor" || role === "quality" || role === "admin";
}

/** The page a caller opens without naming one: their own, or their department's. */
export function ownSubject(actor: Actor): AppraisalSubject | null {
  if (actor.role === "department_handler")
    return actor.departmentId ? { kind: "department", id: actor.departmentId } : null;
  return { kind: "agent", id: actor.id };
}

/** Which way a KPI is better; null for volumes (more cases or remedies are neither). */
export const betterWhen: Record<KpiId, "higher" | "lower" | null> = {
  accepted: null,
  closedRate: "higher",
  onTimeRate: "higher",
  reopenRate: "lower",
  firstAssignmentAccuracy: "higher",
  returnRate: "lower",
  firstContactResolution: "higher",
  satisfactionRate: "higher",
  repeatRate: "lower",
  threeContactBreaches: "lower",
  escalationRate: "lower",
  transferRate: "lower",
  medianFirstResponseHours: "lower",
  medianResolutionHours: "lower",
  backlog: "lower",
  oldestOpenDays: "lower",
  remedyYuan: null,
  substantiated: "lower",
  per10kCustomers: null,
};

/** The KPIs an appraisal follows month by month. */
export const appraisalTrendKpis = ["accepted", "onTimeRate", "satisfactionRate"] as const;

export interface Standing {
  /** The median of the peers that have a figure (a group without one is left out). */
  median: number | null;
  /** 1 = best (or largest, for a volume); ties share a rank; null when the subject has no figure. */
  rank: number | null;
  /** How many peers have a figure: what the median and the rank are taken over. */
  peers: number;
  /** Against the median; null when there is none, or the KPI has no better direction. */
  verdict: "better" | "worse" | "same" | null;
}

/**
 * The subject's standing among `peers` (their figures, the subject's included). Null figures
 * (a rate over no cases, a median of nothing) are no figure: they neither count nor rank.
 */
export function standing(
  value: number | null,
  peers: readonly (number | null)[],
  better: "higher" | "lower" | null,
): Standing {
  const known = peers.filter((v): v is number => v !== null);
  const mid = median(known);
  const ahead = (v: number) => (better === "lower" ? v < value! : v > value!);
  const rank = value === null ? null : known.filter(ahead).length + 1;
  let verdict: Standing["verdict"] = null;
  if (better && value !== null && mid !== null) {
    if (value === mid) verdict = "same";
    else verdict = (better === "higher") === value > mid ? "better" : "worse";
  }
  return { median: mid, rank, peers: known.length, verdict };
}

/** The first day of the month `months - 1` months before the one holding `to`: a trend's start. */
export function trendStart(to: string, months = 6): string {
  const d = new Date(`${to}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (months - 1), 1))
    .toISOString()
    .slice(0, 10);
}
