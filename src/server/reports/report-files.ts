// A report as a spreadsheet: CSV (UTF-8 with BOM, as every kesu export) or XLSX streamed by
// exceljs, with Chinese headers and numbers as numbers so the figures can be summed and charted.

import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import type { KpiUnit } from "../../domain/kpi/kpis.js";
import type { App } from "../http/app-types.js";
import { csvRow, UTF8_BOM } from "../http/csv.js";
import type { ReportSource } from "./report-source.js";

export type Cell = string | number | null;

export interface ReportTable {
  /** The file's name without extension, and the sheet's. */
  name: string;
  headers: readonly string[];
  rows: readonly (readonly Cell[])[];
}

const unitSuffix: Record<KpiUnit, string> = {
  cases: "（件）",
  percent: "（%）",
  hours: "（小时）",
  days: "（天）",
  yuan: "（元）",
  per10k: "（件/万户）",
};

/** A KPI's column header: its Chinese name and unit. */
export const kpiHeader = (kpi: { name: { zh: string }; unit: KpiUnit }) =>
  `${kpi.name.zh}${unitSuffix[kpi.unit]}`;

function csv(table: ReportTable): Readable {
  return Readable.from(
    (function* lines() {
      yield UTF8_BOM + csvRow(table.headers);
      for (const row of table.rows) yield csvRow(row);
    })(),
  );
}

function xlsx(table: ReportTable): Readable {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  // Excel's sheet names: at most 31 characters, none of * ? : \ / [ ] (a name may hold a label).
  const sheet = book.addWorksheet(table.name.replace(/[*?:\\/[\]]/g, " ").slice(0, 31));
  sheet.columns = table.headers.map((header, i) => ({ header, width: i === 0 ? 24 : 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow([...row]).commit();
  sheet.commit();
  book.commit().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Sends the table as the download the query asked for. */
export function sendTable(reply: FastifyReply, table: ReportTable, format: "csv" | "xlsx") {
  const file = encodeURIComponent(`${table.name}.${format}`);
  return reply
    .type(format === "csv" ? "text/csv; charset=utf-8" : XLSX_TYPE)
    .header(
      "content-disposition",
      `attachment; filename="report.${format}"; filename*=UTF-8''${file}`,
    )
    .send((format === "csv" ? csv(table) : xlsx(table)) as unknown as string);
}

/**
 * Reads a report and answers it as JSON or as a file, saying in `Kesu-Read-From` whether the
 * primary or the streaming replica (DATABASE_READ_URL) gave it.
 */
export async function answer<R>(
  app: App,
  reply: FastifyReply,
  format: "json" | "csv" | "xlsx",
  read: (source: ReportSource) => Promise<R>,
  table: (report: R) => ReportTable,
) {
  const source: ReportSource = { primary: app.db, replica: app.reportDb };
  const report = await read(source);
  reply.header("Kesu-Read-From", source.readFrom ?? "primary");
  return format === "json" ? report : sendTable(reply, table(report), format);
}
