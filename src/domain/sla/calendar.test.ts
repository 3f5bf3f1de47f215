import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addHours,
  addWorkingDays,
  addWorkingMinutes,
  calendarProblems,
  isWorkingDay,
  type WorkCalendar,
  workCalendar,
  workingMinutesBetween,
} from "./calendar.js";
import { chinaWorkCalendar } from "./china-holidays.js";

// Expected instants are worked out by hand; Beijing time is UTC+8 all year.
const china = chinaWorkCalendar();
const bj = (local: string) => new Date(`${local}+08:00`);

describe("working days", () => {
  it.each([
    ["2026-11-23", true, "Monday"],
    ["2026-11-21", false, "Saturday"],
    ["2026-10-01", false, "National Day"],
    ["2026-10-07", false, "last day of the National Day break"],
    ["2026-10-10", true, "make-up Saturday after National Day"],
    ["2026-09-20", true, "make-up Sunday before National Day"],
    ["2026-01-04", true, "make-up Sunday after New Year"],
    ["2026-02-23", false, "Spring Festival Monday"],
    ["2026-06-19", false, "Dragon Boat Friday"],
  ])("%s is a working day: %s (%s)", (date, expected) => {
    expect(isWorkingDay(china, date)).toBe(expected);
  });

  it("reads a date listed as both holiday and make-up day as a holiday", () => {
    const calendar = workCalendar({ holidays: ["2026-11-21"], makeUpWorkdays: ["2026-11-21"] });
    expect(isWorkingDay(calendar, "2026-11-21")).toBe(false);
  });
});

describe("addWorkingDays: the end of working hours on the Nth working day after the day received", () => {
  it.each([
    ["Friday 16:00, 1 day → Monday 18:00", "2026-11-20T16:00", 1, "2026-11-23T10:00:00.000Z"],
    [
      "Monday 08:00, 1 day → Tuesday (the day received never counts)",
      "2026-11-23T08:00",
      1,
      "2026-11-24T10:00:00.000Z",
    ],
    ["Monday 20:00, 1 day → Tuesday", "2026-11-23T20:00", 1, "2026-11-24T10:00:00.000Z"],
    ["Saturday, 1 day → Monday", "2026-11-21T11:00", 1, "2026-11-23T10:00:00.000Z"],
    ["Monday, 0 days → Monday 18:00", "2026-11-23T10:00", 0, "2026-11-23T10:00:00.000Z"],
    ["Saturday, 0 days → Monday 18:00", "2026-11-21T10:00", 0, "2026-11-23T10:00:00.000Z"],
    ["Monday, 5 days → next Monday", "2026-11-23T10:00", 5, "2026-11-30T10:00:00.000Z"],
    // 10-01..07 off; 10-08 Thu 1, 10-09 Fri 2, 10-10 make-up Sat 3, 10-12 Mon 4 … 10-15 Thu 7.
    ["09-30, 7 days → 10-15 over National Day", "2026-09-30T10:00", 7, "2026-10-15T10:00:00.000Z"],
    [
      "received on a holiday: counting starts on the next working day",
      "2026-10-01T10:00",
      1,
      "2026-10-08T10:00:00.000Z",
    ],
    [
      "received on a holiday, 3 days → the make-up Saturday",
      "2026-10-03T10:00",
      3,
      "2026-10-10T10:00:00.000Z",
    ],
    [
      "Friday before Spring Festival, 1 day → make-up Saturday 02-14",
      "2026-02-13T10:00",
      1,
      "2026-02-14T10:00:00.000Z",
    ],
    [
      "Friday before Spring Festival, 2 days → Tuesday 02-24",
      "2026-02-13T10:00",
      2,
      "2026-02-24T10:00:00.000Z",
    ],
    [
      "New Year's Day, 1 day → make-up Sunday 01-04",
      "2026-01-01T10:00",
      1,
      "2026-01-04T10:00:00.000Z",
    ],
    [
      "12345 complaint from 2026-12-24, 15 days, into the provisional 2027 table",
      "2026-12-24T10:00",
      15,
      "2027-01-15T10:00:00.000Z",
    ],
  ])("%s", (_, received, days, due) => {
    expect(addWorkingDays(china, bj(received), days).toISOString()).toBe(due);
  });

  it("refuses a calendar without working time", () => {
    const never = workCalendar({ workingWeekdays: [] });
    expect(() => addWorkingDays(never, bj("2026-11-23T10:00"), 1)).toThrow(RangeError);
    expect(() => addWorkingMinutes(never, bj("2026-11-23T10:00"), 1)).toThrow(RangeError);
  });
});

describe("addWorkingMinutes: only inside working hours", () => {
  it.each([
    ["11:00 + 90 → 12:00, lunch, 13:30 + 30", "2026-11-23T11:00", 90, "2026-11-23T06:00:00.000Z"],
    ["11:00 + 60 ends at 12:00, not at 13:30", "2026-11-23T11:00", 60, "2026-11-23T04:00:00.000Z"],
    ["17:00 + 60 ends at 18:00 the same day", "2026-11-23T17:00", 60, "2026-11-23T10:00:00.000Z"],
    ["in the lunch break 12:30 + 30 → 14:00", "2026-11-23T12:30", 30, "2026-11-23T06:00:00.000Z"],
    ["07:00 + 1 → 09:01", "2026-11-23T07:00", 1, "2026-11-23T01:01:00.000Z"],
    ["07:00 + 0 → 07:00", "2026-11-23T07:00", 0, "2026-11-22T23:00:00.000Z"],
    ["Friday 17:00 + 120 → Monday 10:00", "2026-11-20T17:00", 120, "2026-11-23T02:00:00.000Z"],
    ["09-30 17:00 + 120 → 10-08 10:00", "2026-09-30T17:00", 120, "2026-10-08T02:00:00.000Z"],
    [
      "a working day is 450 minutes: Monday 09:00 + 450 → Monday 18:00",
      "2026-11-23T09:00",
      450,
      "2026-11-23T10:00:00.000Z",
    ],
    ["Monday 09:00 + 451 → Tuesday 09:01", "2026-11-23T09:00", 451, "2026-11-24T01:01:00.000Z"],
  ])("%s", (_, from, minutes, due) => {
    expect(addWorkingMinutes(china, bj(from), minutes).toISOString()).toBe(due);
  });
});

describe("workingMinutesBetween", () => {
  it.each([
    ["a whole Monday", "2026-11-23T08:00", "2026-11-23T20:00", 450],
    ["Friday 17:00 to Monday 10:00", "2026-11-20T17:00", "2026-11-23T10:00", 120],
    ["a weekend", "2026-11-21T00:00", "2026-11-23T00:00", 0],
    ["09-30 to 10-09 over National Day", "2026-09-30T00:00", "2026-10-09T00:00", 900],
    ["the lunch break", "2026-11-23T12:00", "2026-11-23T13:30", 0],
    ["backwards", "2026-11-23T18:00", "2026-11-23T17:00", -60],
  ])("%s: %i", (_, a, b, minutes) => {
    expect(workingMinutesBetween(china, bj(a), bj(b))).toBe(minutes);
  });
});

describe("calendar days: the end of the local day, holidays included", () => {
  it.each([
    ["bank: 15 days from 11-23", "2026-11-23T10:00", 15, "2026-12-08T15:59:59.999Z"],
    [
      "late at night still counts from that day",
      "2026-11-23T23:30",
      15,
      "2026-12-08T15:59:59.999Z",
    ],
    ["over National Day, no skipping", "2026-09-30T10:00", 15, "2026-10-15T15:59:59.999Z"],
    ["0 days: the end of today", "2026-11-23T10:00", 0, "2026-11-23T15:59:59.999Z"],
  ])("%s", (_, from, days, due) => {
    expect(addCalendarDays(china, bj(from), days).toISOString()).toBe(due);
  });
});

describe("America/New_York across the 2026-03-08 DST change", () => {
  const newYork = workCalendar({
    timeZone: "America/New_York",
    workingHours: [{ start: "09:00", end: "17:00" }],
  });

  it("counts hours as elapsed time: 24 h after Saturday 12:00 EST is Sunday 13:00 EDT", () => {
    const from = new Date("2026-03-07T17:00:00Z"); // 12:00 EST
    expect(addHours(from, 24).toISOString()).toBe("2026-03-08T17:00:00.000Z"); // 13:00 EDT
  });

  it("ends a calendar day at local midnight in the new offset", () => {
    const from = new Date("2026-03-07T15:00:00Z"); // 10:00 EST
    expect(addCalendarDays(newYork, from, 1).toISOString()).toBe("2026-03-09T03:59:59.999Z");
  });

  it("keeps working hours on the local clock", () => {
    const friday = new Date("2026-03-06T21:00:00Z"); // 16:00 EST
    expect(addWorkingMinutes(newYork, friday, 120).toISOString()).toBe("2026-03-09T14:00:00.000Z");
    expect(addWorkingDays(newYork, friday, 1).toISOString()).toBe("2026-03-09T21:00:00.000Z");
    expect(workingMinutesBetween(newYork, friday, new Date("2026-03-09T14:00:00Z"))).toBe(120);
  });
});

describe("calendarProblems", () => {
  it("accepts the default calendar", () => {
    expect(calendarProblems(china)).toEqual([]);
  });

  it.each<[string, Partial<WorkCalendar>, string]>([
    ["an unknown zone", { timeZone: "Asia/Nowhere" }, "unknown time zone Asia/Nowhere"],
    [
      "hours ending before they start",
      { workingHours: [{ start: "18:00", end: "09:00" }] },
      "working hours 18:00–09:00 are not a period of the day",
    ],
    [
      "overlapping hours",
      {
        workingHours: [
          { start: "09:00", end: "13:00" },
          { start: "12:00", end: "18:00" },
        ],
      },
      "working hours overlap",
    ],
    ["no hours", { workingHours: [] }, "no working hours"],
    ["weekday 0", { workingWeekdays: [0, 1] }, "working weekdays are 1 (Monday) to 7 (Sunday)"],
    ["no working days", { workingWeekdays: [] }, "no working days"],
    ["an impossible holiday", { holidays: ["2026-02-30"] }, "not a date (YYYY-MM-DD): 2026-02-30"],
  ])("reports %s", (_, overrides, problem) => {
    expect(calendarProblems(workCalendar(overrides))).toEqual([problem]);
  });

  it("allows a round-the-clock calendar", () => {
    const always = workCalendar({
      workingHours: [{ start: "00:00", end: "24:00" }],
      workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
    });
    expect(calendarProblems(always)).toEqual([]);
    // 24/7 working minutes are plain minutes.
    expect(addWorkingMinutes(always, bj("2026-11-21T23:00"), 120).toISOString()).toBe(
      "2026-11-21T17:00:00.000Z",
    );
  });
});
