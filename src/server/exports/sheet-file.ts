// A file written a batch of rows at a time into a stream, so an export of a million rows holds
// one batch: XLSX through exceljs's streaming writer (inline strings, each row committed, nothing
// kept after it), or CSV as every kesu export (UTF-8 with BOM).

import { once } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { ExportFormat } from "../../domain/exports/export-rules.js";
import { csvRow, UTF8_BOM } from "../http/csv.js";
import type { Cell } from "../reports/report-files.js";

export interface SheetFile {
  add(rows: readonly (readonly Cell[])[]): Promise<void>;
  /** Ends the file once the stream has taken all of it. */
  finish(): Promise<void>;
  /** Stops writing after a failure; the caller removes what was written. */
  abort(): void;
}

function csvFile(out: Writable, headers: readonly string[]): SheetFile {
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, "drain");
  };
  out.write(UTF8_BOM + csvRow(headers));
  return {
    add: (rows) => write(rows.map((row) => csvRow(row)).join("")),
    async finish() {
      out.end();
      await once(out, "finish");
    },
    abort: () => out.destroy(),
  };
}

function xlsxFile(out: Writable, sheetName: string, headers: readonly string[]): SheetFile {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    // Shared strings would keep every distinct text of the file in memory until the end.
    useSharedStrings: false,
  });
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = headers.map((header) => ({ header, width: 16 }));
  sheet.getRow(1).font = { bold: true };
  return {
    async add(rows) {
      for (const row of rows) sheet.addRow([...row]).commit();
      // The zip stream behind the sheet buffers what the file has not taken yet: wait for it.
      if (out.writableNeedDrain) await once(out, "drain");
    },
    async finish() {
      sheet.commit();
      const finished = once(out, "finish");
      await book.commit();
      await finished;
    },
    abort: () => out.destroy(),
  };
}

export function openSheetFile(
  out: Writable,
  format: ExportFormat,
  sheetName: string,
  headers: readonly string[],
): SheetFile {
  return format === "csv" ? csvFile(out, headers) : xlsxFile(out, sheetName, headers);
}
