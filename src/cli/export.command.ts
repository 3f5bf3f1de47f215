import { once } from "node:events";
import fs from "node:fs";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { and, asc, eq, gt, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { complaints, customers, users } from "../db/schema.js";
import {
  type ComplaintStatus,
  complaintStatuses,
} from "../domain/complaint/complaint-lifecycle.js";
import { formatLocal } from "../domain/sla/zoned-time.js";
import { csvRow, UTF8_BOM } from "../server/http/csv.js";
import { withDatabase } from "./cli-database.js";
import { CliError } from "./cli-error.js";

export interface ExportFilters {
  status?: ComplaintStatus;
  /** Calendar days in KESU_TIMEZONE, both inclusive, on the date the complaint was received. */
  from?: string;
  to?: string;
}

const BATCH = 500;

// Departments that worked on the case, lead first; a 退单 means it was never theirs.
const departmentNames = sql<string | null>`(
  select string_agg(d.name, '; ' order by d.lead desc, d.first_at)
  from (
    select dep.name, bool_or(w.lead) as lead, min(w.dispatched_at) as first_at
    from work_orders w join departments dep on dep.id = w.department_id
    where w.complaint_id = ${complaints.id} and w.status <> 'returned'
    group by dep.name
  ) d
)`;

const columns = {
  // The keyset cursor keeps PostgreSQL's microseconds: a JS Date would round them away and
  // repeat rows that share a millisecond.
  cursorAt: sql<string>`${complaints.createdAt}::text`,
  id: complaints.id,
  number: complaints.number,
  kind: complaints.kind,
  status: complaints.status,
  channel: complaints.channel,
  sourceHotline: complaints.sourceHotline,
  externalNo: complaints.sourceExternalNo,
  receivedAt: complaints.receivedAt,
  customerName: customers.name,
  customerPhone: customers.phone,
  subject: complaints.subject,
  category: complaints.category,
  businessType: complaints.businessType,
  causes: complaints.causes,
  severity: complaints.severity,
  ownerAgentNo: users.agentNo,
  departments: departmentNames,
  reopenCount: complaints.reopenCount,
  satisfaction: complaints.satisfaction,
  closeReason: complaints.closeReason,
  closedAt: complaints.closedAt,
};

export const exportHeader = [
  "number",
  "kind",
  "status",
  "channel",
  "source_hotline",
  "external_no",
  "received_at",
  "customer_name",
  "customer_phone",
  "subject",
  "category",
  "business_type",
  "causes",
  "severity",
  "owner_agent_no",
  "departments",
  "reopen_count",
  "satisfaction",
  "close_reason",
  "closed_at",
] as const;

/** "2026-03-05 14:07:09" in the center's timezone: what people read and Excel sorts. */
export function localTime(date: Date | null, timeZone: string): string | null {
  return date && formatLocal(date, timeZone).slice(0, 19);
}

type ExportRow = Awaited<ReturnType<typeof selectBatch>>[number];

function selectBatch(db: Database, where: SQL | undefined, limit: number) {
  return db
    .select(columns)
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .leftJoin(users, eq(users.id, complaints.ownerId))
    .where(where)
    .orderBy(asc(complaints.createdAt), asc(complaints.id))
    .limit(limit);
}

function toRecord(row: ExportRow, timeZone: string): string {
  return csvRow([
    row.number,
    row.kind,
    row.status,
    row.channel,
    row.sourceHotline,
    row.externalNo,
    localTime(row.receivedAt, timeZone),
    row.customerName,
    row.customerPhone,
    row.subject,
    row.category,
    row.businessType,
    row.causes.join(";"),
    row.severity,
    row.ownerAgentNo,
    row.departments,
    row.reopenCount,
    row.satisfaction,
    row.closeReason,
    localTime(row.closedAt, timeZone),
  ]);
}

function filterConditions(filters: ExportFilters, timeZone: string): SQL[] {
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(complaints.status, filters.status));
  // Day boundaries are the center's midnight, not the server's or UTC's.
  if (filters.from)
    conditions.push(
      sql`${complaints.receivedAt} >= (${filters.from}::date)::timestamp at time zone ${timeZone}`,
    );
  if (filters.to)
    conditions.push(
      sql`${complaints.receivedAt} < (${filters.to}::date + 1)::timestamp at time zone ${timeZone}`,
    );
  return conditions;
}

async function write(out: Writable, chunk: string) {
  if (!out.write(chunk)) await once(out, "drain");
}

/**
 * Writes the complaints as CSV (BOM, header, one record per complaint, oldest first) a batch at a
 * time, walking the (created_at, id) index, so memory stays flat however many there are.
 */
export async function exportComplaints(
  { db, timeZone }: { db: Database; timeZone: string },
  out: Writable,
  filters: ExportFilters = {},
  batchSize = BATCH,
): Promise<number> {
  await write(out, UTF8_BOM + csvRow(exportHeader));
  const conditions = filterConditions(filters, timeZone);
  let after: { at: string; id: string } | null = null;
  let count = 0;
  for (;;) {
    const cursor: SQL | undefined = after
      ? or(
          gt(complaints.createdAt, sql`${after.at}::timestamptz`),
          and(eq(complaints.createdAt, sql`${after.at}::timestamptz`), gt(complaints.id, after.id)),
        )
      : undefined;
    const rows = await selectBatch(db, and(...conditions, cursor), batchSize);
    if (rows.length === 0) return count;
    await write(out, rows.map((row) => toRecord(row, timeZone)).join(""));
    count += rows.length;
    const last = rows.at(-1)!;
    after = { at: last.cursorAt, id: last.id };
  }
}

function checkedDate(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || date.toISOString().slice(0, 10) !== value)
    throw new CliError(
      `--${option} 须为有效日期 YYYY-MM-DD：${value}`,
      `--${option} must be a valid date YYYY-MM-DD: ${value}`,
    );
  return value;
}

/** Reads and checks the export options; exported for tests of the messages. */
export function exportFilters(values: {
  status?: string;
  from?: string;
  to?: string;
}): ExportFilters {
  const { status } = values;
  if (status !== undefined && !complaintStatuses.includes(status as ComplaintStatus))
    throw new CliError(
      `未知状态“${status}”，可选：${complaintStatuses.join(", ")}`,
      `unknown status “${status}”; one of: ${complaintStatuses.join(", ")}`,
    );
  const from = checkedDate(values.from, "from");
  const to = checkedDate(values.to, "to");
  if (from && to && from > to) throw new CliError("--from 晚于 --to", "--from is after --to");
  return { status: status as ComplaintStatus | undefined, from, to };
}

/** The output file, opened before any database work so a wrong path fails fast and plainly. */
async function openOutput(file: string): Promise<fs.WriteStream> {
  const out = fs.createWriteStream(file);
  try {
    await once(out, "open");
    return out;
  } catch (e) {
    throw new CliError(
      `无法写入文件 ${file}：${(e as Error).message}`,
      `cannot write ${file}: ${(e as Error).message}`,
    );
  }
}

async function finish(out: fs.WriteStream) {
  out.end();
  await once(out, "finish");
}

export async function runExportComplaints(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: "string" },
      status: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
    },
  });
  const filters = exportFilters(values);
  const file = values.out ? await openOutput(values.out) : null;
  // `kesu export complaints | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
  });
  const count = await withDatabase(({ db, config }) =>
    exportComplaints({ db, timeZone: config.KESU_TIMEZONE }, file ?? process.stdout, filters),
  );
  if (file) await finish(file);
  process.stderr.write(
    `已导出 ${count} 条投诉 / Exported ${count} complaint(s)${values.out ? ` → ${values.out}` : ""}\n`,
  );
}
