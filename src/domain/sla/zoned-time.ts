// Wall-clock conversion between UTC instants and local dates/times in an IANA time zone,
// with nothing but Intl.DateTimeFormat. Local dates are "YYYY-MM-DD" strings and local times
// are minutes since local midnight, so day arithmetic never touches an offset.

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface LocalDateTime {
  /** "YYYY-MM-DD" in the zone. */
  date: string;
  /** Milliseconds since local midnight, 0 ≤ ms < 86,400,000. */
  msOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// One formatter per zone: building one costs far more than using it. The cache holds only
// immutable formatters, so the functions below stay pure.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** The zone's wall-clock fields of an instant, read as if they were UTC (milliseconds dropped). */
function wallAsUtc(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = fields as Record<string, number>;
  return Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
}

/** The zone's offset from UTC at an instant, in milliseconds (Asia/Shanghai: +8 h). */
export function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallAsUtc(whole, timeZone) - whole;
}

/** The local date and time of day of an instant in the zone. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const wall = instant.getTime() + offsetAt(instant.getTime(), timeZone);
  const midnight = Math.floor(wall / DAY) * DAY;
  return { date: new Date(midnight).toISOString().slice(0, 10), msOfDay: wall - midnight };
}

/** The local date ("YYYY-MM-DD") of an instant in the zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return toLocal(instant, timeZone).date;
}

/** "YYYY-MM-DD HH:MM:SS.mmm" in the zone, for messages and tests. */
export function formatLocal(instant: Date, timeZone: string): string {
  const { date, msOfDay } = toLocal(instant, timeZone);
  const h = Math.floor(msOfDay / 3_600_000);
  const m = Math.floor((msOfDay % 3_600_000) / MINUTE);
  const s = Math.floor((msOfDay % MINUTE) / 1000);
  return `${date} ${pad(h)}:${pad(m)}:${pad(s)}.${pad(msOfDay % 1000, 3)}`;
}

/**
 * The instant at which the zone's clocks show `date` and `msOfDay` (which may be ≥ 24 h:
 * "24:00" is the next midnight). Like Temporal's "compatible" disambiguation: a time skipped
 * by a DST jump forward is moved forward by the gap (New York 02:30 on the spring-forward day
 * is 03:30 EDT); a time that occurs twice at a fall-back takes the earlier one.
 */
export function fromLocal(timeZone: string, date: string, msOfDay = 0): Date {
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  const wanted = wall + msOfDay;
  const before = offsetAt(wanted - DAY, timeZone);
  const after = offsetAt(wanted + DAY, timeZone);
  // No offset change within a day either side (zones change at most twice a year).
  if (before === after) return new Date(wanted - before);
  const candidates = [wanted - before, wanted - after].filter(
    (instant) => instant + offsetAt(instant, timeZone) === wanted,
  );
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In a gap: read the wall time with the offset in force before the jump.
  return new Date(wanted - before);
}

/** Parses "HH:MM" (00:00 to 24:00) into milliseconds since midnight. */
export function parseTimeOfDay(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) {
    throw new RangeError(`not a time of day (HH:MM): ${time}`);
  }
  return (hours * 60 + minutes) * MINUTE;
}

/** `date` plus `days` calendar days ("2026-09-30" + 1 = "2026-10-01"). */
export function addDaysToDate(date: string, days: number): string {
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  return new Date(wall + days * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a local date: Monday 1 … Sunday 7. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
