// An appraisal as the table its CSV and XLSX files hold: one row per KPI, the same figures as
// the JSON.

import type { z } from "zod";
import type { KpiUnit } from "../../domain/kpi/kpis.js";
import type { appraisalSchema } from "./appraisal.schemas.js";
import { kpiHeader, type ReportTable } from "./report-files.js";

type Appraisal = z.infer<typeof appraisalSchema>;

const verdicts = { better: "优于中位数", worse: "差于中位数", same: "等于中位数" } as const;

export function appraisalTable(report: Appraisal): ReportTable {
  return {
    name: `考核_${report.label.zh}_${report.from}_${report.to}`,
    headers: ["指标", "数值", "计数", "基数", "团队中位数", "排名", "参与排名数", "对比"],
    rows: report.figures.map((f) => [
      kpiHeader({ name: f.kpi.name, unit: f.kpi.unit as KpiUnit }),
      f.value,
      f.count ?? null,
      f.over ?? null,
      f.median,
      f.rank,
      f.peers,
      f.verdict ? verdicts[f.verdict] : null,
    ]),
  };
}
