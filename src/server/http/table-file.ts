import ExcelJS from "exceljs";
import { parseCsv, type TransferCell } from "../../domain/transfer/transfer-row.js";
import { badRequest } from "./app-error.js";

/** One row of an uploaded table: its number as a spreadsheet shows it, and its cells by header. */
export interface TableFileRow {
  row: number;
  cells: Record<string, TransferCell>;
}

const XLSX_SIGNATURE = Buffer.from("PK\u0003\u0004", "latin1");

/** Reads XLSX (first sheet), CSV or JSON, told apart by content, never by the file's name. */
export async function readTableFile(content: Buffer): Promise<TableFileRow[]> {
  if (content.subarray(0, 4).equals(XLSX_SIGNATURE)) return readXlsx(content);
  const text = content.toString("utf8").replace(/^\uFEFF/, "");
  const start = text.trimStart()[0];
  if (start === "[" || start === "{") return jsonRows(parseJson(text));
  return csvRows(text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("unreadable_file");
  }
}

/** An array of orders, `{ items: [...] }`, or one order alone (a hotline's push). */
export function jsonRows(body: unknown): TableFileRow[] {
  const list = Array.isArray(body)
    ? body
    : body && typeof body === "object" && Array.isArray((body as { items?: unknown }).items)
      ? (body as { items: unknown[] }).items
      : [body];
  return list.map((item, i) => {
    if (!item || typeof item !== "object" || Array.isArray(item))
      throw badRequest("unreadable_file");
    const cells: Record<string, TransferCell> = {};
    for (const [key, value] of Object.entries(item))
      cells[key] = (
        typeof value === "object" && value !== null ? JSON.stringify(value) : value
      ) as TransferCell;
    return { row: i + 1, cells };
  });
}

function csvRows(text: string): TableFileRow[] {
  const [header, ...records] = parseCsv(text);
  if (!header) throw badRequest("unreadable_file");
  const names = header.map((h) => h.trim());
  return records.map((record, i) => ({
    row: i + 1,
    cells: Object.fromEntries(names.map((name, j) => [name, record[j]])),
  }));
}

async function readXlsx(content: Buffer): Promise<TableFileRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw badRequest("unreadable_file");
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw badRequest("unreadable_file");
  const names: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    names[col] = String(cellValue(cell.value) ?? "").trim();
  });
  const rows: TableFileRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: Record<string, TransferCell> = {};
    row.eachCell((cell, col) => {
      if (names[col]) cells[names[col]] = cellValue(cell.value);
    });
    rows.push({ row: number - 1, cells });
  });
  return rows;
}

/** What a person sees in the cell: rich text joined, a formula's result, a link's text. */
function cellValue(value: ExcelJS.CellValue): TransferCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== "object") return value as TransferCell;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("result" in value) return cellValue(value.result as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  return null;
}
