// Working calendars: when an organisation works, in its own time zone. Deadlines in working
// time (12345-style "15 working days", "contact within 1 working day") count only the hours
// in `workingHours` on working days; holidays and 调休 make-up days are entered by an admin
// (china-holidays.ts ships the official table as seed data).

import { addDaysToDate, fromLocal, isoWeekday, localDateOf, parseTimeOfDay } from "./zoned-time.js";

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far the day-by-day walks look for working time before calling a calendar empty. */
const SEARCH_DAYS = 3_700;

export interface WorkingHours {
  /** Local "HH:MM", inclusive. */
  start: string;
  /** Local "HH:MM", exclusive; "24:00" for the end of the day. */
  end: string;
}

/** An immutable value: build a new object when an admin edits it (working days are cached per object). */
export interface WorkCalendar {
  /** IANA zone the hours and dates are read in, e.g. "Asia/Shanghai". */
  timeZone: string;
  /** Working periods of a working day, e.g. 09:00–12:00 and 13:30–18:00. */
  workingHours: readonly WorkingHours[];
  /** ISO weekdays that are working days: Monday 1 … Sunday 7. */
  workingWeekdays: readonly number[];
  /** Local dates ("YYYY-MM-DD") off work, public holidays included. */
  holidays: readonly string[];
  /** Local dates that are working days although their weekday is not (调休 上班). */
  makeUpWorkdays: readonly string[];
}

export const defaultWorkingHours: readonly WorkingHours[] = [
  { start: "09:00", end: "12:00" },
  { start: "13:30", end: "18:00" },
];

/** Monday to Friday, 09:00–12:00 and 13:30–18:00, no holidays: fill in holidays per organisation. */
export function workCalendar(overrides: Partial<WorkCalendar> = {}): WorkCalendar {
  return {
    timeZone: "Asia/Shanghai",
    workingHours: defaultWorkingHours,
    workingWeekdays: [1, 2, 3, 4, 5],
    holidays: [],
    makeUpWorkdays: [],
    ...overrides,
  };
}

const isLocalDate = (date: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && addDaysToDate(date, 0) === date;

const minutesOf = (time: string): number | null => {
  try {
    return parseTimeOfDay(time);
  } catch {
    return null;
  }
};

/** What is wrong with a calendar an admin entered, in English; empty when it is usable. */
export function calendarProblems(calendar: WorkCalendar): string[] {
  const problems: string[] = [];
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: calendar.timeZone });
  } catch {
    problems.push(`unknown time zone ${calendar.timeZone}`);
  }
  const periods: [number, number][] = [];
  for (const { start, end } of calendar.workingHours) {
    const from = minutesOf(start);
    const to = minutesOf(end);
    if (from === null || to === null || from >= to) {
      problems.push(`working hours ${start}–${end} are not a period of the day`);
    } else {
      periods.push([from, to]);
    }
  }
  periods.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < periods.length; i++) {
    if (periods[i]![0] < periods[i - 1]![1]) problems.push("working hours overlap");
  }
  if (calendar.workingHours.length === 0) problems.push("no working hours");
  if (calendar.workingWeekdays.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
    problems.push("working weekdays are 1 (Monday) to 7 (Sunday)");
  }
  if (calendar.workingWeekdays.length === 0 && calendar.makeUpWorkdays.length === 0) {
    problems.push("no working days");
  }
  for (const date of [...calendar.holidays, ...calendar.makeUpWorkdays]) {
    if (!isLocalDate(date)) problems.push(`not a date (YYYY-MM-DD): ${date}`);
  }
  return problems;
}

/**
 * A holiday is off even if it is also listed as a make-up day (an admin's contradiction is
 * read the lenient way); a make-up day works whatever its weekday; otherwise the weekday decides.
 */
export function isWorkingDay(calendar: WorkCalendar, localDate: string): boolean {
  if (calendar.holidays.includes(localDate)) return false;
  if (calendar.makeUpWorkdays.includes(localDate)) return true;
  return calendar.workingWeekdays.includes(isoWeekday(localDate));
}

type Interval = readonly [start: number, end: number];

// Converting wall-clock hours to instants is the costly step, and clocks are re-evaluated
// over the same days again and again; calendars are immutable values, so a day's intervals are
// kept per calendar object (bounded, and dropped with the calendar).
const intervalCache = new WeakMap<WorkCalendar, Map<string, readonly Interval[]>>();
const CACHED_DAYS = 4_000;

/** The working intervals of one local date as UTC milliseconds, earliest first. */
export function workingIntervals(calendar: WorkCalendar, localDate: string): readonly Interval[] {
  let days = intervalCache.get(calendar);
  if (!days) {
    days = new Map();
    intervalCache.set(calendar, days);
  }
  let intervals = days.get(localDate);
  if (!intervals) {
    if (days.size >= CACHED_DAYS) days.clear();
    intervals = computeWorkingIntervals(calendar, localDate);
    days.set(localDate, intervals);
  }
  return intervals;
}

function computeWorkingIntervals(calendar: WorkCalendar, localDate: string): Interval[] {
  if (!isWorkingDay(calendar, localDate)) return [];
  return calendar.workingHours
    .map((hours): Interval => [parseTimeOfDay(hours.start), parseTimeOfDay(hours.end)])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0])
    .map(
      ([start, end]): Interval => [
        fromLocal(calendar.timeZone, localDate, start).getTime(),
        fromLocal(calendar.timeZone, localDate, end).getTime(),
      ],
    )
    .filter(([start, end]) => start < end);
}

function noWorkingTime(calendar: WorkCalendar): never {
  throw new RangeError(
    `calendar in ${calendar.timeZone} has no working time within ${SEARCH_DAYS} days`,
  );
}

/** The end of the last working period of a working day. */
function endOfWorkingDay(calendar: WorkCalendar, localDate: string): Date {
  const last = workingIntervals(calendar, localDate).at(-1);
  return last ? new Date(last[1]) : noWorkingTime(calendar);
}

/**
 * Rule: the day of `from` is never counted, whatever the hour (期间开始的日不计算在内); the due
 * time is the end of working hours on the `days`-th working day after it. So a complaint
 * received on Friday at 16:00 with 1 working day is due on Monday at 18:00, and one received on
 * a holiday or weekend starts counting on the next working day. `days` = 0 means the end of
 * the first working day on or after the day of `from`.
 */
export function addWorkingDays(calendar: WorkCalendar, from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days: ${days}`);
  let date = localDateOf(from, calendar.timeZone);
  let left = days;
  if (left === 0 && isWorkingDay(calendar, date)) return endOfWorkingDay(calendar, date);
  if (left === 0) left = 1;
  for (let searched = 0; searched < SEARCH_DAYS * (left + 1); searched++) {
    date = addDaysToDate(date, 1);
    if (isWorkingDay(calendar, date) && --left === 0) return endOfWorkingDay(calendar, date);
  }
  return noWorkingTime(calendar);
}

/**
 * The instant by which `ms` of working time have passed after `from`. Counting stops exactly
 * where the budget runs out, so 60 minutes from 11:00 end at 12:00, not at the 13:30 restart.
 * 0 returns `from` itself.
 */
export function addWorkingMs(calendar: WorkCalendar, from: Date, ms: number): Date {
  if (!(ms >= 0)) throw new RangeError(`working time: ${ms}`);
  if (ms === 0) return from;
  const start = from.getTime();
  let left = ms;
  // The previous local day too: with "24:00" hours or odd zones a period can straddle midnight.
  let date = addDaysToDate(localDateOf(from, calendar.timeZone), -1);
  let idle = 0;
  while (idle < SEARCH_DAYS) {
    const intervals = workingIntervals(calendar, date);
    idle = intervals.length === 0 ? idle + 1 : 0;
    for (const [periodStart, periodEnd] of intervals) {
      const begin = Math.max(periodStart, start);
      if (begin >= periodEnd) continue;
      if (periodEnd - begin >= left) return new Date(begin + left);
      left -= periodEnd - begin;
    }
    date = addDaysToDate(date, 1);
  }
  return noWorkingTime(calendar);
}

/** `addWorkingMs` in minutes: counting only inside working hours. */
export function addWorkingMinutes(calendar: WorkCalendar, from: Date, minutes: number): Date {
  return addWorkingMs(calendar, from, minutes * MINUTE);
}

/** Working time between two instants in milliseconds; negative when `b` is before `a`. */
export function workingMsBetween(calendar: WorkCalendar, a: Date, b: Date): number {
  if (b < a) return -workingMsBetween(calendar, b, a);
  const start = a.getTime();
  const end = b.getTime();
  let total = 0;
  let date = addDaysToDate(localDateOf(a, calendar.timeZone), -1);
  const last = addDaysToDate(localDateOf(b, calendar.timeZone), 1);
  while (date <= last) {
    for (const [periodStart, periodEnd] of workingIntervals(calendar, date)) {
      total += Math.max(0, Math.min(periodEnd, end) - Math.max(periodStart, start));
    }
    date = addDaysToDate(date, 1);
  }
  return total;
}

/** Working minutes between two instants; negative when `b` is before `a`. */
export function workingMinutesBetween(calendar: WorkCalendar, a: Date, b: Date): number {
  return workingMsBetween(calendar, a, b) / MINUTE;
}

/**
 * The end of the local day `days` calendar days after the day of `from` (23:59:59.999 local):
 * banks count "15 days from the day of receipt", holidays included, through the whole last day.
 */
export function addCalendarDays(calendar: WorkCalendar, from: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`calendar days: ${days}`);
  const date = addDaysToDate(localDateOf(from, calendar.timeZone), days);
  return new Date(fromLocal(calendar.timeZone, date, DAY).getTime() - 1);
}

/** Elapsed real time: 24 hours are 24 hours even on a DST day (the wall clock may show 23 or 25). */
export function addHours(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * 3_600_000);
}
