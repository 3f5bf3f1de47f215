// The work queue's cases as rows of a file: the list's own scope and filters (listConditions),
// masked as the list masks them for the caller's role, read a keyset batch at a time.

import { and, asc, eq, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { complaints, customers, users } from "../../db/schema.js";
import { canSeePersonalData } from "../../domain/access/roles.js";
import { maskPhone, textShownTo } from "../../domain/customer/masking.js";
import { formatLocal } from "../../domain/sla/zoned-time.js";
import { listConditions } from "../complaints/list-complaints.js";
import type { Caller } from "../http/app-types.js";
import { exactTimestamp } from "../http/cursor.js";
import type { Cell } from "../reports/report-files.js";
import type { ViewFilters } from "../saved-views/saved-view.schemas.js";

export const queueHeaders = [
  "投诉编号",
  "类型",
  "状态",
  "渠道",
  "受理时间",
  "客户",
  "客户电话",
  "主题",
  "类别",
  "严重程度",
  "承办人",
  "工号",
  "重办次数",
  "办理时限",
  "办结时间",
] as const;

/** The queue's condition for these filters: `mine` is the requester, as when they open the view. */
export function queueCondition(caller: Caller, { mine, ...filters }: ViewFilters): SQL {
  const parts = listConditions(caller, mine ? { ...filters, ownerId: caller.id } : filters);
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

export async function countQueue(db: Database, condition: SQL): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(complaints)
    .where(condition);
  return row!.n;
}

const columns = {
  cursorAt: exactTimestamp(complaints.createdAt),
  id: complaints.id,
  number: complaints.number,
  kind: complaints.kind,
  status: complaints.status,
  channel: complaints.channel,
  receivedAt: complaints.receivedAt,
  customerName: customers.name,
  customerPhone: customers.phone,
  subject: complaints.subject,
  category: complaints.category,
  severity: complaints.severity,
  ownerName: users.displayName,
  ownerAgentNo: users.agentNo,
  reopenCount: complaints.reopenCount,
  dueAt: complaints.dueAt,
  closedAt: complaints.closedAt,
};

const local = (at: Date | null, timeZone: string) => at && formatLocal(at, timeZone).slice(0, 19);

/**
 * Yields the cases a batch at a time, oldest first along the (created_at, id) index, each row
 * masked for the caller: only one batch is ever held.
 */
export async function* queueBatches(
  db: Database,
  caller: Caller,
  condition: SQL,
  timeZone: string,
  batchSize: number,
): AsyncGenerator<Cell[][]> {
  const seePersonalData = canSeePersonalData(caller.role);
  const shown = textShownTo(caller.role);
  let after: SQL | undefined;
  for (;;) {
    const rows = await db
      .select(columns)
      .from(complaints)
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .leftJoin(users, eq(users.id, complaints.ownerId))
      .where(and(condition, after))
      .orderBy(asc(complaints.createdAt), asc(complaints.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map((r) => [
      r.number,
      r.kind,
      r.status,
      r.channel,
      local(r.receivedAt, timeZone),
      r.customerName,
      r.customerPhone && !seePersonalData ? maskPhone(r.customerPhone) : r.customerPhone,
      shown(r.subject),
      r.category,
      r.severity,
      r.ownerName,
      r.ownerAgentNo,
      r.reopenCount,
      local(r.dueAt, timeZone),
      local(r.closedAt, timeZone),
    ]);
    if (rows.length < batchSize) return;
    const last = rows.at(-1)!;
    after = sql`(${complaints.createdAt}, ${complaints.id}) > (${last.cursorAt}::timestamptz, ${last.id}::uuid)`;
  }
}
