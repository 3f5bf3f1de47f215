import { type SQL, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { rowFromJson } from "../../db/json-rows.js";
import { complaints, remedies, remedyReversals, slaClocks, users } from "../../db/schema.js";
import { textShownTo } from "../../domain/customer/masking.js";
import { fenFromYuan, yuanFromFen } from "../../domain/remedy/money.js";
import { ledgerTotals, type RemedyType, shownStatus } from "../../domain/remedy/remedy.js";
import { allowedRemedyActions } from "../../domain/remedy/remedy-policy.js";
import { notFound } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import type { RemedyDto } from "./remedy.schemas.js";

// One reading of a remedy for every answer: the complaint page, each remedy route and the ledger
// build the same JSON in the database (the row, its people, its reversal) and present it here.

const person = (id: SQL) =>
  sql`(select json_build_object('id', u.id, 'agentNo', u.agent_no, 'name', u.display_name) from ${users} u where u.id = ${id})`;

/** The remedy `r` (a row of remedies) as one JSON object with its people and its reversal. */
export const remedyJson = sql`(to_jsonb(r) || jsonb_build_object(
  'complaint_number', (select c.number from ${complaints} c where c.id = r.complaint_id),
  'requested_by', ${person(sql`r.requested_by_id`)},
  'decided_by', ${person(sql`r.decided_by_id`)},
  'approval_due_at', (select k.due_at from ${slaClocks} k
                      where k.remedy_id = r.id and k.stopped_at is null limit 1),
  'reversal', (select json_build_object('reason', v.reason, 'at', v.created_at,
                 'reversedBy', ${person(sql`v.reversed_by_id`)})
               from ${remedyReversals} v where v.remedy_id = r.id)))`;

/** The status people see, in SQL: a granted remedy with a reversal is `reversed`. */
export const shownStatusSql = sql`(case when r.status = 'granted' and exists
  (select from ${remedyReversals} v where v.remedy_id = r.id) then 'reversed' else r.status end)`;

/** The case's remedies beside a statement that reads `from complaints`, oldest first. */
export const caseRemediesJson = sql<unknown>`(select json_agg(${remedyJson} order by r.created_at, r.id) from ${remedies} r where r.complaint_id = complaints.id)`;

type Person = { id: string; agentNo: string; name: string };
interface RemedyJson extends Record<string, unknown> {
  complaint_number: string;
  requested_by: Person;
  decided_by: Person | null;
  approval_due_at: string | null;
  reversal: { reason: string; at: string; reversedBy: Person } | null;
}

/** A remedy as this caller may read it: free text masked for roles that see identifiers masked. */
export function presentRemedy(json: unknown, caller: Caller): RemedyDto {
  const item = json as RemedyJson;
  const row = rowFromJson(remedies, item);
  const shown = textShownTo(caller.role);
  const status = shownStatus(row.status, item.reversal !== null);
  return {
    id: row.id,
    complaintId: row.complaintId,
    complaintNumber: item.complaint_number,
    type: row.type,
    amount: yuanFromFen(row.amountFen),
    reason: shown(row.reason),
    status,
    requestedBy: item.requested_by,
    ...(row.approverRole && { approver: row.approverRole }),
    ...(item.approval_due_at && { approvalDueAt: new Date(item.approval_due_at) }),
    ...(item.decided_by && { decidedBy: item.decided_by }),
    ...(row.decidedAt && { decidedAt: row.decidedAt }),
    ...(row.decisionNote !== null && { decisionNote: shown(row.decisionNote) }),
    ...(item.reversal && {
      reversal: {
        reason: shown(item.reversal.reason),
        reversedBy: item.reversal.reversedBy,
        at: new Date(item.reversal.at),
      },
    }),
    createdAt: row.createdAt,
    allowedActions: allowedRemedyActions(caller, { ...row, status }),
  };
}

/** One remedy as the caller may read it (after a command on it). */
export async function loadRemedy(db: Database | Tx, id: string, caller: Caller) {
  const { rows } = await db.execute<{ remedy: unknown }>(
    sql`select ${remedyJson} as remedy from ${remedies} r where r.id = ${id}`,
  );
  if (!rows[0]) throw notFound("remedy");
  return presentRemedy(rows[0].remedy, caller);
}

/** A ledger's totals in yuan, from the fen the domain counted. */
export function presentTotals(totals: ReturnType<typeof ledgerTotals>) {
  return Object.fromEntries(
    Object.entries(totals).map(([type, t]) => [
      type,
      {
        granted: yuanFromFen(t.granted),
        reversed: yuanFromFen(t.reversed),
        net: yuanFromFen(t.net),
      },
    ]),
  ) as Record<RemedyType, { granted: string; reversed: string; net: string }>;
}

/**
 * What the case has given the customer, in yuan: granted and not reversed, every type, beside
 * what the customer asked for (`demandAmount`).
 */
export function grantedAmount(items: readonly RemedyDto[]): string {
  const totals = ledgerTotals(
    items.map((r) => ({ type: r.type, status: r.status, amountFen: fenFromYuan(r.amount)! })),
  );
  return yuanFromFen(Object.values(totals).reduce((sum, t) => sum + t.net, 0));
}
