// A time limit and the deadline it gives from a start instant.

import {
  addCalendarDays,
  addHours,
  addWorkingDays,
  addWorkingMinutes,
  type WorkCalendar,
} from "./calendar.js";

export const slaUnits = [
  "minutes",
  "hours",
  "working_minutes",
  "working_days",
  "calendar_days",
] as const;
export type SlaUnit = (typeof slaUnits)[number];

export interface SlaTarget {
  amount: number;
  unit: SlaUnit;
}

/** What can be wrong with a target, as a code the admin screen shows in words. */
export type TargetProblem = "unknown_unit" | "negative_amount" | "whole_days";

/** The one thing wrong with a target an admin entered, and which of its fields; null when usable. */
export function targetProblem(
  target: SlaTarget,
): { field: "unit" | "amount"; code: TargetProblem } | null {
  if (!slaUnits.includes(target.unit)) return { field: "unit", code: "unknown_unit" };
  if (!Number.isFinite(target.amount) || target.amount < 0)
    return { field: "amount", code: "negative_amount" };
  const wholeDays = target.unit === "working_days" || target.unit === "calendar_days";
  if (wholeDays && !Number.isInteger(target.amount)) return { field: "amount", code: "whole_days" };
  return null;
}

/** What is wrong with a target an admin entered; empty when it is usable. */
export function targetProblems(target: SlaTarget): string[] {
  const problem = targetProblem(target);
  if (!problem) return [];
  if (problem.code === "unknown_unit") return [`unknown unit ${String(target.unit)}`];
  if (problem.code === "negative_amount") return ["amount must be 0 or more"];
  return ["days are whole numbers"];
}

/** Working-time units count only the calendar's working hours, also when a clock is paused. */
export function isWorkingTimeUnit(unit: SlaUnit): boolean {
  return unit === "working_minutes" || unit === "working_days";
}

/**
 * minutes / hours: elapsed real time (a DST change does not lengthen or shorten them);
 * working_minutes: inside working hours only; working_days: the end of working hours on the
 * Nth working day after the day of `start`; calendar_days: the end of the local day N days
 * after the day of `start`, holidays included.
 */
export function dueAt(calendar: WorkCalendar, start: Date, target: SlaTarget): Date {
  switch (target.unit) {
    case "minutes":
      return new Date(start.getTime() + target.amount * 60_000);
    case "hours":
      return addHours(start, target.amount);
    case "working_minutes":
      return addWorkingMinutes(calendar, start, target.amount);
    case "working_days":
      return addWorkingDays(calendar, start, target.amount);
    case "calendar_days":
      return addCalendarDays(calendar, start, target.amount);
  }
}

/**
 * The earlier-deadline rule: an upper-level or regulator transfer carries its own deadline,
 * which wins when it is earlier than ours.
 */
export function effectiveDueAt(ours: Date, external?: Date | null): Date {
  return external && external < ours ? external : ours;
}
