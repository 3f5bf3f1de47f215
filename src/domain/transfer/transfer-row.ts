// A transferred work order as a hotline's file gives it: one row of cells read through the
// source's field mapping into what intake needs, or the reasons the row cannot be taken.

import { dateOutOfRange } from "../input/date-bounds.js";
import { fromLocal } from "../sla/zoned-time.js";

/** Which column (or JSON key) holds each field; the optional ones may be absent from the file. */
export interface TransferFieldMapping {
  externalNo: string;
  receivedAt?: string | undefined;
  externalDueAt: string;
  category?: string | undefined;
  subject?: string | undefined;
  description: string;
  callerPhone?: string | undefined;
  callerName?: string | undefined;
}

/** A source's whole mapping: the fields read, and the reply-back's own columns in its words. */
export interface TransferMapping extends TransferFieldMapping {
  result?: string | undefined;
  finding?: string | undefined;
  satisfaction?: string | undefined;
}

/** A cell as a spreadsheet, a CSV or a JSON body gives it. */
export type TransferCell = string | number | boolean | Date | null | undefined;

export interface TransferOrder {
  externalNo: string;
  receivedAt: Date | null;
  externalDueAt: Date;
  /** The hotline's own category text, matched to our list by the server. */
  category: string | null;
  subject: string;
  description: string;
  callerPhone: string | null;
  callerName: string | null;
}

export type TransferRefusal =
  | "missing_external_no"
  | "missing_description"
  | "missing_deadline"
  | "bad_deadline"
  | "deadline_passed"
  | "bad_received_time"
  | "missing_caller_phone";

export type TransferRowReading =
  | { ok: true; order: TransferOrder }
  | { ok: false; externalNo: string | null; reasons: TransferRefusal[] };

const SUBJECT_LENGTH = 60;

function textOf(cell: TransferCell): string | null {
  if (cell === null || cell === undefined) return null;
  const text = (cell instanceof Date ? cell.toISOString() : String(cell)).trim();
  return text === "" ? null : text;
}

const LOCAL_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A hotline's time: an ISO instant with its offset, or a wall-clock time (2026-12-10 18:00,
 * 2026/12/10) read in kesu's zone. Spreadsheet dates carry the wall clock as if UTC (exceljs).
 */
export function transferTime(cell: TransferCell, timeZone: string): Date | null | "bad" {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return "bad";
    const date = cell.toISOString().slice(0, 10);
    return fromLocal(timeZone, date, cell.getTime() - Date.parse(`${date}T00:00:00Z`));
  }
  const text = textOf(cell);
  if (!text) return null;
  const local = LOCAL_TIME.exec(text);
  if (local) {
    const [, y, mo, d, h = "0", mi = "0", s = "0"] = local;
    const date = `${y}-${mo!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
    if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return "bad";
    const ms = ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000;
    const instant = fromLocal(timeZone, date, ms);
    return Number.isNaN(instant.getTime()) || !sameDay(date) ? "bad" : instant;
  }
  if (!/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/.test(text)) return "bad";
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? "bad" : instant;
}

/** 2026-02-30 is not a day, though Date.UTC would roll it into March. */
function sameDay(date: string): boolean {
  const [y, m, d] = date.split("-").map(Number);
  const back = new Date(Date.UTC(y!, m! - 1, d!));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m! - 1 && back.getUTCDate() === d;
}

/** Reads one row through the mapping; every problem of the row is named, not just the first. */
export function readTransferRow(
  cells: (column: string) => TransferCell,
  mapping: TransferFieldMapping,
  timeZone: string,
  now: Date,
): TransferRowReading {
  const field = (column: string | undefined) => (column ? cells(column) : undefined);
  const reasons: TransferRefusal[] = [];
  const externalNo = textOf(field(mapping.externalNo));
  if (!externalNo) reasons.push("missing_external_no");
  const description = textOf(field(mapping.description));
  if (!description) reasons.push("missing_description");
  const due = transferTime(field(mapping.externalDueAt), timeZone);
  if (due === null) reasons.push("missing_deadline");
  else if (due === "bad") reasons.push("bad_deadline");
  else if (dateOutOfRange(due, "deadline", now)) reasons.push("deadline_passed");
  const received = transferTime(field(mapping.receivedAt), timeZone);
  if (received === "bad" || (received && received > now)) reasons.push("bad_received_time");
  const callerPhone = textOf(field(mapping.callerPhone));
  // The case needs a customer, and a customer is found or made by phone.
  if (!callerPhone) reasons.push("missing_caller_phone");
  if (reasons.length > 0 || !externalNo || !description || !(due instanceof Date))
    return { ok: false, externalNo, reasons };
  const subject = textOf(field(mapping.subject)) ?? description.slice(0, SUBJECT_LENGTH);
  return {
    ok: true,
    order: {
      externalNo,
      receivedAt: received instanceof Date ? received : null,
      externalDueAt: due,
      category: textOf(field(mapping.category)),
      subject: subject.slice(0, 200),
      description,
      callerPhone,
      callerName: textOf(field(mapping.callerName)),
    },
  };
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; a BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      record.push(field);
      if (record.some((f) => f !== "")) records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  record.push(field);
  if (record.some((f) => f !== "")) records.push(record);
  return records;
}
