import { Readable } from "node:stream";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { complaints, remedies, workOrders } from "../../db/schema.js";
import type { RemedyStatus, RemedyType } from "../../domain/remedy/remedy.js";
import { ledgerTotals } from "../../domain/remedy/remedy.js";
import { ledgerScope } from "../../domain/remedy/remedy-policy.js";
import { formatLocal } from "../../domain/sla/zoned-time.js";
import { forbidden } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import { csvRow, UTF8_BOM } from "../http/csv.js";
import { decodeCursor, encodeCursor, exactTimestamp } from "../http/cursor.js";
import { presentRemedy, presentTotals, remedyJson, shownStatusSql } from "./remedy.presenter.js";
import type { LedgerQuery, RemedyDto } from "./remedy.schemas.js";

type Filters = Omit<LedgerQuery, "limit" | "cursor" | "format">;

/**
 * The ledger's condition on `remedies r join complaints c`: the caller's scope (agents their own
 * asks) and the filters. The page, the totals and the CSV all use it, so they cannot disagree.
 */
function ledgerCondition(caller: Caller, q: Filters, timeZone: string): SQL {
  const scope = ledgerScope(caller.role);
  if (!scope) throw forbidden();
  const parts: SQL[] = [sql`true`];
  if (scope === "own") parts.push(sql`r.requested_by_id = ${caller.id}`);
  if (q.status) parts.push(sql`${shownStatusSql} = ${q.status}`);
  if (q.type) parts.push(sql`r.type = ${q.type}`);
  // Day boundaries are the center's midnight, as in the complaint export.
  if (q.from)
    parts.push(sql`r.created_at >= (${q.from}::date)::timestamp at time zone ${timeZone}`);
  if (q.to) parts.push(sql`r.created_at < (${q.to}::date + 1)::timestamp at time zone ${timeZone}`);
  if (q.departmentId)
    parts.push(
      sql`exists (select from ${workOrders} w where w.complaint_id = c.id and w.department_id = ${q.departmentId})`,
    );
  if (q.cause) parts.push(sql`${q.cause} = any(c.causes)`);
  return sql.join(parts, sql` and `);
}

const from = sql`from ${remedies} r join ${complaints} c on c.id = r.complaint_id`;

/** A page of the ledger, newest first, and the totals of every row the filters match. */
export async function readLedger(
  db: Database,
  caller: Caller,
  query: LedgerQuery,
  timeZone: string,
) {
  const where = ledgerCondition(caller, query, timeZone);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const after = cursor
    ? sql`and (r.created_at, r.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
    : sql``;
  const [page, sums] = await Promise.all([
    db.execute<{ remedy: unknown; sort_key: string; id: string }>(sql`
      select ${remedyJson} as remedy, ${exactTimestamp(sql`r.created_at`)} as sort_key, r.id
      ${from} where ${where} ${after}
      order by r.created_at desc, r.id desc limit ${query.limit + 1}`),
    db.execute<{ type: RemedyType; status: RemedyStatus; fen: string }>(sql`
      select r.type, ${shownStatusSql} as status, sum(r.amount_fen)::text as fen
      ${from} where ${where} group by 1, 2`),
  ]);
  const rows = page.rows.slice(0, query.limit);
  const last = rows.at(-1);
  return {
    items: rows.map((row) => presentRemedy(row.remedy, caller)),
    nextCursor:
      page.rows.length > query.limit && last ? encodeCursor(last.sort_key, last.id) : null,
    totals: presentTotals(
      ledgerTotals(
        sums.rows.map((s) => ({ type: s.type, status: s.status, amountFen: Number(s.fen) })),
      ),
    ),
  };
}

export const ledgerCsvHeader = [
  "asked_at",
  "complaint_number",
  "type",
  "amount",
  "status",
  "reason",
  "requested_by_agent_no",
  "requested_by_name",
  "approver_role",
  "decided_by_agent_no",
  "decided_at",
  "decision_note",
  "reversed_at",
  "reversed_by_agent_no",
  "reversal_reason",
] as const;

const BATCH = 500;

/**
 * Every row the filters match as CSV (RFC 4180, UTF-8 with BOM so Excel opens the Chinese, like
 * `kesu export`), oldest first, read a batch at a time so memory stays flat. Times are local.
 */
export function ledgerCsv(db: Database, caller: Caller, query: Filters, timeZone: string) {
  const where = ledgerCondition(caller, query, timeZone);
  const local = (date: Date | undefined) => date && formatLocal(date, timeZone).slice(0, 19);
  const record = (r: RemedyDto) =>
    csvRow([
      local(r.createdAt),
      r.complaintNumber,
      r.type,
      r.amount,
      r.status,
      r.reason,
      r.requestedBy.agentNo,
      r.requestedBy.name,
      r.approver,
      r.decidedBy?.agentNo,
      local(r.decidedAt),
      r.decisionNote,
      local(r.reversal?.at),
      r.reversal?.reversedBy.agentNo,
      r.reversal?.reason,
    ]);
  async function* lines() {
    yield UTF8_BOM + csvRow(ledgerCsvHeader);
    let after = sql``;
    for (;;) {
      const { rows } = await db.execute<{ remedy: unknown; sort_key: string; id: string }>(sql`
        select ${remedyJson} as remedy, ${exactTimestamp(sql`r.created_at`)} as sort_key, r.id
        ${from} where ${where} ${after}
        order by r.created_at, r.id limit ${BATCH}`);
      if (rows.length === 0) return;
      yield rows.map((row) => record(presentRemedy(row.remedy, caller))).join("");
      const last = rows.at(-1)!;
      after = sql`and (r.created_at, r.id) > (${last.sort_key}::timestamptz, ${last.id}::uuid)`;
    }
  }
  return Readable.from(lines());
}
