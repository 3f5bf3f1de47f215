// How each KPI is kept in the daily rollup (server/reports/report-rollup.sql.ts): counts and sums
// add up across days and are kept as sums; a median keeps its durations; the backlog, judged at
// the report's instant, keeps when each case closed. A KPI that fits none of these cannot be
// rolled up, and `rollupLayout` says so instead of answering wrongly.

import type { Condition } from "./condition.js";
import type { KpiAggregate } from "./kpi-measure.js";
import { type Kpi, openAtAsOf } from "./kpis.js";

/** A summed part of a KPI's aggregate: the cases meeting `where` counted, or their remedies added. */
export interface SummedPart {
  kpi: Kpi;
  part: Extract<keyof KpiAggregate, "count" | "over" | "fen">;
  where: Condition;
}

export interface RollupLayout {
  summed: SummedPart[];
  medians: Kpi[];
  /** KPIs of the backlog (openAtAsOf): its count, or its oldest case's age. */
  backlog: Kpi[];
  /** Changes when the layout does, so a rollup built with another is rebuilt. */
  signature: string;
}

export function readsAsOf(c: Condition): boolean {
  if ("all" in c) return c.all.some(readsAsOf);
  if ("not" in c) return readsAsOf(c.not);
  return "time" in c && c.notAfter === "asOf";
}

function summedParts(kpi: Kpi): SummedPart[] {
  const m = kpi.measure;
  switch (m.kind) {
    case "count":
    case "perCustomers":
      return [{ kpi, part: "count", where: m.where }];
    case "ratio":
      return [
        { kpi, part: "count", where: { all: [m.over, m.of] } },
        { kpi, part: "over", where: m.over },
      ];
    case "remedyYuan":
      return [{ kpi, part: "fen", where: m.where }];
    default:
      return [];
  }
}

const isBacklog = (kpi: Kpi) =>
  (kpi.measure.kind === "count" || kpi.measure.kind === "oldestAge") &&
  kpi.measure.where === openAtAsOf;

export function rollupLayout(list: readonly Kpi[]): RollupLayout {
  const backlog = list.filter(isBacklog);
  const medians = list.filter((k) => k.measure.kind === "median");
  const rest = list.filter((k) => !backlog.includes(k) && !medians.includes(k));
  const summed = rest.flatMap(summedParts);
  const unfit = rest.filter(
    (k) => summedParts(k).length === 0 || summedParts(k).some((p) => readsAsOf(p.where)),
  );
  if (unfit.length > 0) throw new Error(`KPIs the rollup cannot keep: ${unfit.map((k) => k.id)}`);
  const signature = JSON.stringify([
    summed.map((p) => [p.kpi.id, p.part, p.where]),
    medians.map((k) => [k.id, k.measure]),
    backlog.map((k) => k.id),
  ]);
  return { summed, medians, backlog, signature };
}
