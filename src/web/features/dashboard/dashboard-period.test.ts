import { describe, expect, it } from "vitest";
import { bucketDays, periodOf, previousPeriod } from "./dashboard-period";

describe("the dashboard's periods", () => {
  it("takes the month, quarter or year holding a day, and the one before", () => {
    expect(periodOf("month", "2026-02-14")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(periodOf("quarter", "2026-11-07")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(periodOf("year", "2026-11-07")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    const q1 = periodOf("quarter", "2026-02-01");
    expect(previousPeriod("quarter", q1)).toEqual({ from: "2025-10-01", to: "2025-12-31" });
    expect(previousPeriod("month", periodOf("month", "2026-03-31"))).toEqual({
      from: "2026-02-01",
      to: "2026-02-28",
    });
  });

  it("gives a bucket's days inside the period, so a drill-down counts what the trend counted", () => {
    const q4 = periodOf("quarter", "2026-11-07");
    // The ISO week holding 1 October starts on Monday 28 September, before the quarter.
    expect(bucketDays("2026-09-28", "week", q4)).toEqual({ from: "2026-10-01", to: "2026-10-04" });
    expect(bucketDays("2026-12-28", "week", q4)).toEqual({ from: "2026-12-28", to: "2026-12-31" });
    expect(bucketDays("2026-02-01", "month", periodOf("year", "2026-05-01"))).toEqual({
      from: "2026-02-01",
      to: "2026-02-28",
    });
    expect(bucketDays("2026-11-07", "day", q4)).toEqual({ from: "2026-11-07", to: "2026-11-07" });
  });
});
