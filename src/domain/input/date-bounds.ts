/**
 * The one rule for every date or time a client sends (issue 10): nothing before 2000-01-01 and
 * nothing more than five years ahead; a deadline (a callback, an extension, a supervision order,
 * an upper-level transfer's own deadline) also lies after now. A date outside these is a typing
 * slip or a broken client (1970 is a zero timestamp), never a real case: taken, it would breach
 * at once or never.
 */
export const EARLIEST_DATE = "2000-01-01";
export const YEARS_AHEAD = 5;

export type DateKind = "deadline" | "date";

/** The bounds a value must lie within, as shown to the user: `now` or a day (YYYY-MM-DD, UTC). */
export interface DateRange {
  min: string;
  max: string;
}

/** The last day accepted, YEARS_AHEAD years from `now` (UTC); the whole day is allowed. */
export function latestDate(now: Date): string {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + YEARS_AHEAD);
  return d.toISOString().slice(0, 10);
}

/** The range for this kind of value, or null when `value` lies within it. */
export function dateOutOfRange(value: Date, kind: DateKind, now = new Date()): DateRange | null {
  const max = latestDate(now);
  const min = kind === "deadline" ? "now" : EARLIEST_DATE;
  const lowest = kind === "deadline" ? now.getTime() : Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
  const beyond = Date.parse(`${max}T00:00:00Z`) + 86_400_000;
  const t = value.getTime();
  const inside = kind === "deadline" ? t > lowest && t < beyond : t >= lowest && t < beyond;
  return inside ? null : { min, max };
}
