// A report as an export: the very reading and table of `GET /reports/{report}?format=…`.

import type { ExportReport } from "../../domain/exports/export-rules.js";
import type { Caller } from "../http/app-types.js";
import { readCauses } from "../reports/causes-report.js";
import { readKpis } from "../reports/kpi-report.js";
import { readRegulator } from "../reports/regulator-report.js";
import { causesQuery, kpisQuery, regulatorQuery, trendQuery } from "../reports/report.schemas.js";
import type { ReportTable } from "../reports/report-files.js";
import type { ReportSource } from "../reports/report-source.js";
import { causesTable, kpisTable, regulatorTable, trendTable } from "../reports/report-tables.js";
import { readTrend } from "../reports/trend-report.js";

export interface ReportRequest {
  report: ExportReport;
  query: Record<string, unknown>;
}

export const reportQueries = {
  kpis: kpisQuery,
  trend: trendQuery,
  causes: causesQuery,
  regulator: regulatorQuery,
} as const;

export async function readReportTable(
  source: ReportSource,
  caller: Caller,
  { report, query }: ReportRequest,
  timeZone: string,
): Promise<ReportTable> {
  switch (report) {
    case "kpis":
      return kpisTable(await readKpis(source, caller, kpisQuery.parse(query), timeZone));
    case "trend":
      return trendTable(await readTrend(source, caller, trendQuery.parse(query), timeZone));
    case "causes":
      return causesTable(await readCauses(source, caller, causesQuery.parse(query), timeZone));
    case "regulator":
      return regulatorTable(
        await readRegulator(source, caller, regulatorQuery.parse(query), timeZone),
      );
  }
}
