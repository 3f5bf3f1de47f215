// When each discipline is due, counted from the case's opening on the organisation's working
// calendar (the SLA calendar, its holidays and 调休 days included). Defaults, admin-editable:
// D0 and D3 (emergency response, containment) within 24 hours; D1 and D2 within 2 working days;
// D4–D6 within 2 weeks; D7 within a month; D8 within 2 months (60 days).

import type { WorkCalendar } from "../sla/calendar.js";
import { dueAt, type SlaTarget, targetProblems } from "../sla/sla-target.js";
import { type Discipline, disciplines } from "./disciplines.js";

export type QualityDuePolicy = Record<Discipline, SlaTarget>;

export const defaultQualityDuePolicy: QualityDuePolicy = {
  d0: { amount: 24, unit: "hours" },
  d1: { amount: 2, unit: "working_days" },
  d2: { amount: 2, unit: "working_days" },
  d3: { amount: 24, unit: "hours" },
  d4: { amount: 14, unit: "calendar_days" },
  d5: { amount: 14, unit: "calendar_days" },
  d6: { amount: 14, unit: "calendar_days" },
  d7: { amount: 30, unit: "calendar_days" },
  d8: { amount: 60, unit: "calendar_days" },
};

/** Share of a discipline's time after which its owner and champion are warned. */
export const QUALITY_WARN_AT_SHARE = 0.75;

/** The clock name of a discipline in `sla_clocks`. */
export const qualityClockName = (d: Discipline) => `quality_${d}`;

export function disciplineOfClock(name: string): Discipline | null {
  const d = name.startsWith("quality_") ? name.slice("quality_".length) : "";
  return (disciplines as readonly string[]).includes(d) ? (d as Discipline) : null;
}

/** Each discipline's deadline for a case opened at `openedAt`. */
export function disciplineDueDates(
  calendar: WorkCalendar,
  openedAt: Date,
  policy: QualityDuePolicy = defaultQualityDuePolicy,
): Record<Discipline, Date> {
  return Object.fromEntries(
    disciplines.map((d) => [d, dueAt(calendar, openedAt, policy[d])]),
  ) as Record<Discipline, Date>;
}

/** What is wrong with a policy an admin entered; empty when usable. */
export function duePolicyProblems(policy: Partial<QualityDuePolicy>): string[] {
  return disciplines.flatMap((d) => {
    const target = policy[d];
    if (!target) return [`${d}: missing`];
    return targetProblems(target).map((p) => `${d}: ${p}`);
  });
}

/** A stored policy with any discipline it lacks taken from the defaults. */
export function withDefaults(
  stored: Partial<QualityDuePolicy> | null | undefined,
): QualityDuePolicy {
  return { ...defaultQualityDuePolicy, ...(stored ?? {}) };
}
