import { describe, expect, it } from "vitest";
import { exportFileName, exportPercent } from "./export-rules.js";

describe("export progress", () => {
  it("is unknown until the total is counted, whole percents after, never past 100", () => {
    expect(exportPercent(0, null)).toBeNull();
    expect(exportPercent(0, 0)).toBe(100);
    expect(exportPercent(1, 3)).toBe(33);
    expect(exportPercent(2000, 1_000_000)).toBe(0);
    expect(exportPercent(999_999, 1_000_000)).toBe(99);
    expect(exportPercent(7, 5)).toBe(100);
  });

  it("names the file after what was exported and the day", () => {
    expect(exportFileName("queue", "投诉列表", "2026-12-07", "xlsx")).toBe(
      "投诉列表-2026-12-07.xlsx",
    );
    expect(exportFileName("report", "投诉KPI_2026-12-01_2026-12-07", "2026-12-08", "csv")).toBe(
      "投诉KPI_2026-12-01_2026-12-07.csv",
    );
  });
});
