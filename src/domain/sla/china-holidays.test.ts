import { describe, expect, it } from "vitest";
import { china2026, china2027, chinaHolidayYears, chinaWorkCalendar } from "./china-holidays.js";
import { isoWeekday } from "./zoned-time.js";

describe("the Chinese holiday table", () => {
  it("has the published 2026 breaks: 3 + 9 + 3 + 5 + 3 + 3 + 7 days", () => {
    expect(china2026.provisional).toBe(false);
    expect(china2026.holidays).toHaveLength(33);
    expect(china2026.holidays).toEqual(
      expect.arrayContaining(["2026-01-01", "2026-02-15", "2026-02-23", "2026-10-07"]),
    );
    expect(china2026.makeUpWorkdays).toEqual([
      "2026-01-04",
      "2026-02-14",
      "2026-02-28",
      "2026-05-09",
      "2026-09-20",
      "2026-10-10",
    ]);
  });

  it("marks 2027 as provisional", () => {
    expect(china2027.provisional).toBe(true);
    expect(china2027.holidays).toEqual(
      expect.arrayContaining([
        "2027-02-05",
        "2027-02-06",
        "2027-04-05",
        "2027-06-09",
        "2027-09-15",
      ]),
    );
  });

  it.each(chinaHolidayYears)(
    "$year: make-up days fall on weekends, dates are unique and in the year",
    (year) => {
      for (const date of year.makeUpWorkdays) expect(isoWeekday(date)).toBeGreaterThanOrEqual(6);
      const all = [...year.holidays, ...year.makeUpWorkdays];
      expect(new Set(all).size).toBe(all.length);
      for (const date of all) expect(date).toMatch(new RegExp(`^${year.year}-\\d{2}-\\d{2}$`));
    },
  );

  it("builds the default office calendar in Beijing time", () => {
    const calendar = chinaWorkCalendar([china2026]);
    expect(calendar.timeZone).toBe("Asia/Shanghai");
    expect(calendar.workingHours).toEqual([
      { start: "09:00", end: "12:00" },
      { start: "13:30", end: "18:00" },
    ]);
    expect(calendar.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect(calendar.holidays).toHaveLength(33);
  });
});
