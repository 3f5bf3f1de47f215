import { describe, expect, it } from "vitest";
import { all, not } from "./condition.js";
import { accepted, kpis } from "./kpis.js";
import { readsAsOf, rollupLayout } from "./rollup-layout.js";

describe("the rollup layout", () => {
  it("keeps every KPI there is: summed, as durations, or as the backlog", () => {
    const layout = rollupLayout(kpis);
    const kept = new Set([
      ...layout.summed.map((p) => p.kpi.id),
      ...layout.medians.map((k) => k.id),
      ...layout.backlog.map((k) => k.id),
    ]);
    expect([...kept].sort()).toEqual(kpis.map((k) => k.id).sort());
    expect(layout.backlog.map((k) => k.id)).toEqual(["backlog", "oldestOpenDays"]);
    expect(layout.medians.map((k) => k.id)).toEqual([
      "medianFirstResponseHours",
      "medianResolutionHours",
    ]);
  });

  it("keeps a rate as its numerator and its denominator", () => {
    const parts = rollupLayout(kpis).summed.filter((p) => p.kpi.id === "closedRate");
    expect(parts.map((p) => p.part)).toEqual(["count", "over"]);
  });

  it("refuses a KPI judged at the report's instant other than the backlog", () => {
    const closedByThen = all(accepted, { time: "closedAt", notAfter: "asOf" });
    expect(readsAsOf(closedByThen)).toBe(true);
    expect(readsAsOf(not({ has: "closedAt" }))).toBe(false);
    const odd = {
      id: "closedByEnd",
      name: { zh: "期末已结", en: "Closed by the end" },
      formula: { zh: "", en: "" },
      unit: "cases" as const,
      measure: { kind: "count" as const, where: closedByThen },
    };
    expect(() => rollupLayout([...kpis, odd])).toThrow(/closedByEnd/);
  });

  it("changes its signature when a KPI's definition does", () => {
    const changed = kpis.map((k) =>
      k.id === "accepted" ? { ...k, measure: { kind: "count" as const, where: all() } } : k,
    );
    expect(rollupLayout(changed).signature).not.toBe(rollupLayout(kpis).signature);
  });
});
