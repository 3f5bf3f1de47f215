// The dashboard's periods and the queue filters of a chart's figure: pure, so the drill-down's
// days are the very days the report counted.
import { complaintStatuses } from "../../../domain/complaint/complaint-lifecycle";
import { type PeriodKind, periodDays, periodName } from "../../../domain/kpi/report-period";
import type { ViewFilters } from "../../api/types";

export type { PeriodKind };
export interface Period {
  from: string;
  to: string;
}
export type Interval = "day" | "week" | "month";

const day = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/** The month, quarter or year holding `date` (YYYY-MM-DD), first and last day. */
export function periodOf(kind: PeriodKind, date: string): Period {
  return periodDays(periodName(kind, date))!;
}

/** The period of the same kind just before. */
export function previousPeriod(kind: PeriodKind, period: Period): Period {
  const before = new Date(`${period.from}T00:00:00Z`).getTime() - 864e5;
  return periodOf(kind, day(new Date(before)));
}

/** A trend's buckets: days of a month, weeks of a quarter, months of a year. */
export const intervalOf: Record<PeriodKind, Interval> = {
  month: "day",
  quarter: "week",
  year: "month",
};

/** The days of the bucket starting `start`, inside the period (a week may begin before it). */
export function bucketDays(start: string, interval: Interval, period: Period): Period {
  const d = new Date(`${start}T00:00:00Z`);
  const next =
    interval === "month"
      ? utc(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
      : new Date(d.getTime() + (interval === "week" ? 7 : 1) * 864e5);
  const last = day(new Date(next.getTime() - 864e5));
  // Days as YYYY-MM-DD sort as text: the later start, the earlier end.
  return { from: [start, period.from].sort()[1]!, to: [last, period.to].sort()[0]! };
}

/** The statuses of the cases a report accepts (受理): all but merged and withdrawn. */
export const acceptedStatuses = complaintStatuses.filter(
  (s) => s !== "merged" && s !== "withdrawn",
);

/** Received in these days: the period filter every drill-down starts from. */
export const receivedIn = (days: Period): ViewFilters => ({
  receivedFrom: days.from,
  receivedTo: days.to,
});
