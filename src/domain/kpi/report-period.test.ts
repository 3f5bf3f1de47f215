import { describe, expect, it } from "vitest";
import { pareto } from "./pareto.js";
import { buckets, periodDays, periodName, wholeMonths } from "./report-period.js";

describe("report periods", () => {
  it("reads quarters, months and years", () => {
    expect(periodDays("2026-Q4")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(periodDays("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(periodDays("2026")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(periodDays("2026-Q5")).toBeNull();
    expect(periodDays("2026-13")).toBeNull();
  });

  it("names the quarter, month or year holding a day, as periodDays reads it back", () => {
    expect(periodName("quarter", "2026-12-07")).toBe("2026-Q4");
    expect(periodName("quarter", "2026-04-01")).toBe("2026-Q2");
    expect(periodName("month", "2026-03-31")).toBe("2026-03");
    expect(periodName("year", "2026-03-31")).toBe("2026");
    for (const kind of ["month", "quarter", "year"] as const) {
      const days = periodDays(periodName(kind, "2026-08-15"))!;
      expect(days.from <= "2026-08-15" && "2026-08-15" <= days.to).toBe(true);
    }
  });

  it("buckets a range by day, ISO week and month without gaps", () => {
    expect(buckets({ from: "2026-11-29", to: "2026-12-01" }, "day")).toEqual([
      "2026-11-29",
      "2026-11-30",
      "2026-12-01",
    ]);
    // 2026-11-29 is a Sunday: its week began on Monday the 23rd.
    expect(buckets({ from: "2026-11-29", to: "2026-12-07" }, "week")).toEqual([
      "2026-11-23",
      "2026-11-30",
      "2026-12-07",
    ]);
    expect(buckets({ from: "2026-01-31", to: "2026-03-01" }, "month")).toEqual([
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
    ]);
  });
});

describe("Pareto", () => {
  it("orders causes by count with their share and running share", () => {
    const rows = pareto([
      { key: "a", count: 1 },
      { key: "b", count: 6 },
      { key: "c", count: 3 },
    ]);
    expect(rows.map((r) => [r.key, r.share, r.cumulativeShare])).toEqual([
      ["b", 60, 60],
      ["c", 30, 90],
      ["a", 10, 100],
    ]);
    expect(pareto([])).toEqual([]);
  });
});

describe("the months a report period covers whole", () => {
  it("takes the months inside the period that ended before today", () => {
    expect(wholeMonths({ from: "2025-12-08", to: "2026-12-07" }, "2026-12-07")).toEqual([
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
      "2026-04-01",
      "2026-05-01",
      "2026-06-01",
      "2026-07-01",
      "2026-08-01",
      "2026-09-01",
      "2026-10-01",
      "2026-11-01",
    ]);
  });

  it("leaves out a month cut at either end, and the month still running", () => {
    expect(wholeMonths({ from: "2026-03-02", to: "2026-04-30" }, "2026-12-07")).toEqual([
      "2026-04-01",
    ]);
    expect(wholeMonths({ from: "2026-11-01", to: "2026-11-30" }, "2026-11-30")).toEqual([]);
    expect(wholeMonths({ from: "2026-11-01", to: "2026-11-30" }, "2026-12-01")).toEqual([
      "2026-11-01",
    ]);
  });
});
