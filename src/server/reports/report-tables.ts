// Each report's answer as the table its CSV and XLSX files hold: the same figures as the JSON.

import type { z } from "zod";
import { type KpiUnit, kpis } from "../../domain/kpi/kpis.js";
import type { causesSchema, kpisSchema, regulatorSchema, trendSchema } from "./report.schemas.js";
import { kpiHeader, type ReportTable } from "./report-files.js";

type Kpis = z.infer<typeof kpisSchema>;
type Trend = z.infer<typeof trendSchema>;
type Causes = z.infer<typeof causesSchema>;
type Regulator = z.infer<typeof regulatorSchema>;

export function kpisTable(report: Kpis): ReportTable {
  const line = (g: Kpis["total"]) => [
    g.label.zh,
    ...kpis.map((k) => g.figures[k.id]?.value ?? null),
  ];
  return {
    name: `投诉KPI_${report.from}_${report.to}`,
    headers: ["分组", ...kpis.map(kpiHeader)],
    rows: [...report.rows.map(line), line(report.total)],
  };
}

export function trendTable(report: Trend): ReportTable {
  const header = kpiHeader({ name: report.metric.name, unit: report.metric.unit as KpiUnit });
  const team = report.team;
  return {
    name: `投诉趋势_${report.from}_${report.to}`,
    headers: ["期间", header, ...(team ? [`团队${header}`] : [])],
    rows: report.points.map((p, i) => [
      p.period,
      p.value,
      ...(team ? [team[i]?.value ?? null] : []),
    ]),
  };
}

export function causesTable(report: Causes): ReportTable {
  return {
    name: `投诉原因_${report.from}_${report.to}`,
    headers: ["投诉原因", "投诉数（件）", "占比（%）", "累计占比（%）"],
    rows: report.causes.map((c) => [c.label.zh, c.count, c.share, c.cumulativeShare]),
  };
}

export function regulatorTable(report: Regulator): ReportTable {
  const counts = (r: Regulator["total"]) => [r.accepted, r.closed, r.closedOnTime, r.substantiated];
  return {
    name: `投诉分类统计_${report.period}`,
    headers: ["渠道", "业务类型", "投诉原因", "受理量", "办结数", "按时办结数", "属实数"],
    rows: [
      ...report.rows.map((r) => [
        r.channel.label.zh,
        r.businessType.label.zh,
        r.cause.label.zh,
        ...counts(r),
      ]),
      ["合计", null, null, ...counts(report.total)],
    ],
  };
}
