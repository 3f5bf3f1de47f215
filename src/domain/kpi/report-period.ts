// Report periods as the center's calendar days: a regulator period (2026-Q4, 2026-11, 2026) and
// the buckets of a trend. Days are YYYY-MM-DD strings; both ends inclusive.

export interface DayRange {
  from: string;
  to: string;
}

export type TrendInterval = "day" | "week" | "month";

const PERIOD = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/;

const day = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/** A quarter, month or year as its first and last day; null when it is none of these. */
export function periodDays(period: string): DayRange | null {
  const match = PERIOD.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const [first, months] = match[2]
    ? [(Number(match[2]) - 1) * 3, 3]
    : match[3]
      ? [Number(match[3]) - 1, 1]
      : [0, 12];
  return { from: day(utc(year, first, 1)), to: day(utc(year, first + months, 0)) };
}

export type PeriodKind = "month" | "quarter" | "year";

/** The name periodDays reads of the month, quarter or year holding `date` (YYYY-MM-DD). */
export function periodName(kind: PeriodKind, date: string): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (kind === "year") return year;
  if (kind === "quarter") return `${year}-Q${Math.ceil(month / 3)}`;
  return date.slice(0, 7);
}

/** The first day of the bucket holding `date`: itself, its week's Monday, its month's first. */
export function bucketStart(date: string, interval: TrendInterval): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (interval === "month") return day(utc(d.getUTCFullYear(), d.getUTCMonth(), 1));
  if (interval === "week") return day(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 864e5));
  return date;
}

/** Every bucket from the one holding `from` to the one holding `to`, so a chart has no gaps. */
export function buckets(range: DayRange, interval: TrendInterval): string[] {
  const out: string[] = [];
  let cursor = new Date(`${bucketStart(range.from, interval)}T00:00:00Z`);
  const last = new Date(`${range.to}T00:00:00Z`);
  while (cursor <= last) {
    out.push(day(cursor));
    cursor =
      interval === "month"
        ? utc(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1)
        : new Date(cursor.getTime() + (interval === "week" ? 7 : 1) * 864e5);
  }
  return out;
}

/**
 * The months (their first days) that `range` covers whole and that ended before `today`: the
 * rollup's monthly rows answer for them; a month still running changes too often to keep.
 */
export function wholeMonths(range: DayRange, today: string): string[] {
  return buckets(range, "month").filter((first) => {
    const last = lastDayOfMonth(first);
    return first >= range.from && last <= range.to && last < today;
  });
}

/** The last day of the month `date` is in. */
export function lastDayOfMonth(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return day(utc(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
}
