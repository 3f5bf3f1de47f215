import { describe, expect, it } from "vitest";
import {
  addDaysToDate,
  formatLocal,
  fromLocal,
  isoWeekday,
  offsetAt,
  parseTimeOfDay,
  toLocal,
} from "./zoned-time.js";

const HOUR = 3_600_000;

describe("wall-clock conversion", () => {
  it.each([
    ["Asia/Shanghai", "2026-11-23T02:00:00.000Z", "2026-11-23 10:00:00.000"],
    ["Asia/Shanghai", "2026-11-23T16:30:00.000Z", "2026-11-24 00:30:00.000"],
    ["Asia/Shanghai", "2026-12-31T15:59:59.999Z", "2026-12-31 23:59:59.999"],
    ["America/New_York", "2026-03-08T06:59:59.000Z", "2026-03-08 01:59:59.000"],
    ["America/New_York", "2026-03-08T07:00:00.000Z", "2026-03-08 03:00:00.000"],
    ["America/New_York", "2026-11-01T05:30:00.000Z", "2026-11-01 01:30:00.000"],
    ["America/New_York", "2026-11-01T06:30:00.000Z", "2026-11-01 01:30:00.000"],
  ])("in %s, %s is %s local", (zone, instant, local) => {
    expect(formatLocal(new Date(instant), zone)).toBe(local);
  });

  it.each([
    ["Asia/Shanghai", "2026-11-23", "10:00", "2026-11-23T02:00:00.000Z"],
    ["Asia/Shanghai", "2026-01-01", "00:00", "2025-12-31T16:00:00.000Z"],
    ["America/New_York", "2026-03-07", "12:00", "2026-03-07T17:00:00.000Z"],
    ["America/New_York", "2026-03-09", "09:00", "2026-03-09T13:00:00.000Z"],
    // 02:30 does not exist on the spring-forward day: moved forward by the gap, to 03:30 EDT.
    ["America/New_York", "2026-03-08", "02:30", "2026-03-08T07:30:00.000Z"],
    // 01:30 happens twice on the fall-back day: the earlier (EDT) one.
    ["America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z"],
    ["America/New_York", "2026-11-01", "24:00", "2026-11-02T05:00:00.000Z"],
  ])("in %s, %s %s local is %s", (zone, date, time, instant) => {
    expect(fromLocal(zone, date, parseTimeOfDay(time)).toISOString()).toBe(instant);
  });

  it("knows the offsets", () => {
    expect(offsetAt(Date.parse("2026-07-01T00:00:00Z"), "Asia/Shanghai")).toBe(8 * HOUR);
    expect(offsetAt(Date.parse("2026-01-15T00:00:00Z"), "America/New_York")).toBe(-5 * HOUR);
    expect(offsetAt(Date.parse("2026-07-01T00:00:00Z"), "America/New_York")).toBe(-4 * HOUR);
  });

  it("splits an instant into local date and time of day", () => {
    expect(toLocal(new Date("2026-11-23T17:00:00Z"), "Asia/Shanghai")).toEqual({
      date: "2026-11-24",
      msOfDay: HOUR,
    });
  });
});

describe("local dates", () => {
  it.each([
    ["2026-09-30", 1, "2026-10-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-11-23", 15, "2026-12-08"],
  ])("%s + %i days is %s", (date, days, expected) => {
    expect(addDaysToDate(date, days)).toBe(expected);
  });

  it.each([
    ["2026-11-23", 1],
    ["2026-10-10", 6],
    ["2026-01-04", 7],
  ])("%s is ISO weekday %i", (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it.each(["9:00", "25:00", "24:30", "12:60", "noon"])("rejects the time %s", (time) => {
    expect(() => parseTimeOfDay(time)).toThrow(RangeError);
  });
});
