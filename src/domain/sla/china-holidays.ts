// 全国年节及纪念日放假安排 as published by 国务院办公厅, for the current and the next year, as
// editable seed data: an admin copies these into the organisation's calendar and corrects them.
// `holidays` lists every day of each break, weekends inside it included; `makeUpWorkdays` are
// the weekend days worked in exchange (调休上班).

import { type WorkCalendar, workCalendar } from "./calendar.js";

export interface HolidayYear {
  year: number;
  /** True when the State Council has not published the year yet and the dates are our guess. */
  provisional: boolean;
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
}

/** Every date from `first` to `last` inclusive, both "YYYY-MM-DD" of one month. */
const span = (first: string, last: string): string[] => {
  const prefix = first.slice(0, 8);
  const from = Number(first.slice(8));
  const to = Number(last.slice(8));
  return Array.from(
    { length: to - from + 1 },
    (_, i) => `${prefix}${String(from + i).padStart(2, "0")}`,
  );
};

// 国务院办公厅关于2026年部分节假日安排的通知, dated 2025-11-04 (checked against the text as
// carried by Xinhua), under the 2024 revision of 全国年节及纪念日放假办法 (春节 4 statutory days
// with 除夕, 劳动节 2).
export const china2026: HolidayYear = {
  year: 2026,
  provisional: false,
  holidays: [
    ...span("2026-01-01", "2026-01-03"), // 元旦, Thu–Sat
    ...span("2026-02-15", "2026-02-23"), // 春节, Sun (腊月二十八)–Mon, 9 days
    ...span("2026-04-04", "2026-04-06"), // 清明节, Sat–Mon
    ...span("2026-05-01", "2026-05-05"), // 劳动节, Fri–Tue
    ...span("2026-06-19", "2026-06-21"), // 端午节, Fri–Sun
    ...span("2026-09-25", "2026-09-27"), // 中秋节, Fri–Sun
    ...span("2026-10-01", "2026-10-07"), // 国庆节, Thu–Wed
  ],
  makeUpWorkdays: [
    "2026-01-04", // Sun, for 元旦
    "2026-02-14", // Sat, for 春节
    "2026-02-28", // Sat, for 春节
    "2026-05-09", // Sat, for 劳动节
    "2026-09-20", // Sun, for 国庆节
    "2026-10-10", // Sat, for 国庆节
  ],
};

// [PROVISIONAL: replace when the State Council publishes it; admins can edit]
// Derived, not published: the festival dates are astronomical (春节 2027-02-06 with 除夕 02-05,
// 清明 04-05, 端午 06-09, 中秋 09-15), the breaks follow the pattern of recent years: the statutory
// days, a statutory day falling on a weekend made up on the next weekday, long breaks for
// 春节 / 劳动节 / 国庆 bridged with weekend make-up days, a midweek 端午 / 中秋 off for the day only.
export const china2027: HolidayYear = {
  year: 2027,
  provisional: true,
  holidays: [
    ...span("2027-01-01", "2027-01-03"), // 元旦, Fri–Sun
    ...span("2027-02-05", "2027-02-14"), // 春节, Fri (除夕)–Sun
    ...span("2027-04-03", "2027-04-05"), // 清明节, Sat–Mon
    ...span("2027-05-01", "2027-05-05"), // 劳动节, Sat–Wed
    "2027-06-09", // 端午节, Wed
    "2027-09-15", // 中秋节, Wed
    ...span("2027-10-01", "2027-10-07"), // 国庆节, Fri–Thu
  ],
  makeUpWorkdays: [
    "2027-01-31", // Sun, for 春节
    "2027-02-20", // Sat, for 春节
    "2027-05-08", // Sat, for 劳动节
    "2027-09-26", // Sun, for 国庆节
    "2027-10-09", // Sat, for 国庆节
  ],
};

export const chinaHolidayYears: readonly HolidayYear[] = [china2026, china2027];

/**
 * The default Chinese office calendar (Asia/Shanghai, Monday–Friday 09:00–12:00 and
 * 13:30–18:00) with the given years' holidays and make-up days.
 */
export function chinaWorkCalendar(years: readonly HolidayYear[] = chinaHolidayYears): WorkCalendar {
  return workCalendar({
    holidays: years.flatMap((year) => year.holidays),
    makeUpWorkdays: years.flatMap((year) => year.makeUpWorkdays),
  });
}
