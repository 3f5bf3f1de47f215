// A KPI's predicates as data, so one definition serves both sides: `holds` evaluates it on a
// case's facts (the unit tests, the domain's reading), and the reports compile the very same
// tree to SQL (server/reports/condition.sql.ts) to count in the database. Two-valued: a missing
// time makes a comparison false, never unknown.

import type { ComplaintStatus, Satisfaction } from "../complaint/complaint-lifecycle.js";
import type { BooleanFact, CaseFacts, CountFact, TimeFact } from "./case-facts.js";

/** `asOf` is the report's instant: the end of its period, or now when that is still to come. */
export type TimeRef = TimeFact | "asOf";

export type Condition =
  | { all: readonly Condition[] }
  | { not: Condition }
  | { status: readonly ComplaintStatus[] }
  | { satisfaction: readonly (Satisfaction | null)[] }
  | { fact: BooleanFact }
  | { count: CountFact; atLeast: number }
  | { count: CountFact; atMost: number }
  | { has: TimeFact }
  | { time: TimeFact; notAfter: TimeRef };

export interface ReportInstant {
  asOf: Date;
}

const timeOf = (facts: CaseFacts, ref: TimeRef, at: ReportInstant): Date | null =>
  ref === "asOf" ? at.asOf : facts[ref];

export function holds(condition: Condition, facts: CaseFacts, at: ReportInstant): boolean {
  if ("all" in condition) return condition.all.every((c) => holds(c, facts, at));
  if ("not" in condition) return !holds(condition.not, facts, at);
  if ("status" in condition) return condition.status.includes(facts.status);
  if ("satisfaction" in condition) return condition.satisfaction.includes(facts.satisfaction);
  if ("fact" in condition) return facts[condition.fact];
  if ("has" in condition) return facts[condition.has] !== null;
  if ("count" in condition) {
    const n = facts[condition.count];
    return "atLeast" in condition ? n >= condition.atLeast : n <= condition.atMost;
  }
  const a = facts[condition.time];
  const b = timeOf(facts, condition.notAfter, at);
  return a !== null && b !== null && a.getTime() <= b.getTime();
}

export const all = (...conditions: Condition[]): Condition => ({ all: conditions });
export const not = (condition: Condition): Condition => ({ not: condition });
