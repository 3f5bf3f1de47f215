// A department's inbox: its work orders, waiting and in hand by what is due first, finished ones
// by when they finished, and how many there are in each state.

import { type AnyColumn, and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../../db/client.js";
import { complaints, departments, slaClocks, workOrders } from "../../db/schema.js";
import {
  type WorkOrderStatus,
  workOrderStatuses,
} from "../../domain/complaint/work-order-lifecycle.js";
import { textShownTo } from "../../domain/customer/masking.js";
import { presentWorkOrder } from "../case/work-order.presenter.js";
import type { Caller } from "../http/app-types.js";
import { decodeCursor, encodeCursor, exactTimestamp } from "../http/cursor.js";
import type { InboxStatusCounts, inboxQuery } from "./work-order.schemas.js";

type InboxQuery = z.output<typeof inboxQuery>;

/** Counts stop here, as the saved views' do: a tab of more shows "1000+". */
export const INBOX_COUNT_CAP = 1000;

/**
 * The order's own running clock (部门签收 while waiting, 部门办结 in hand, when the case's policy
 * sets them), joined laterally: once per order read, by the case's clocks index.
 */
const ownClock = (db: Database) =>
  db
    .select({ dueAt: sql<Date | null>`min(${slaClocks.dueAt})`.as("own_due_at") })
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.complaintId, workOrders.complaintId),
        eq(slaClocks.workOrderId, workOrders.id),
        isNull(slaClocks.stoppedAt),
      ),
    )
    .as("own_clock");

/**
 * A page of the inbox. `due`: soonest due first (the handler's default, for waiting and in-hand
 * orders); `finished`: orders that left the department's hands, latest first; `newest`: the
 * latest dispatched first. Keyset pages on the sort's instant and the order's id.
 */
export async function listInbox(
  db: Database,
  caller: Caller,
  departmentId: string | undefined,
  query: InboxQuery,
) {
  const { limit, sort } = query;
  const statuses = query.status === undefined ? [] : [query.status].flat();
  const own = ownClock(db);
  /** When the order is due: its own clock, else the case's deadline. */
  const orderDueAt = sql<string>`coalesce(${own.dueAt}, ${complaints.dueAt})`;
  const key: SQL | AnyColumn =
    sort === "due"
      ? orderDueAt
      : sort === "finished"
        ? workOrders.finishedAt
        : workOrders.dispatchedAt;
  const ascending = sort === "due";
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db
    .select({
      order: workOrders,
      complaint: {
        number: complaints.number,
        subject: complaints.subject,
        severity: complaints.severity,
        dueAt: complaints.dueAt,
      },
      dueAt: orderDueAt.mapWith((value: string | Date) => new Date(value)),
      departmentName: departments.name,
      sortKey: exactTimestamp(key),
    })
    .from(workOrders)
    .innerJoin(complaints, eq(complaints.id, workOrders.complaintId))
    .innerJoin(departments, eq(departments.id, workOrders.departmentId))
    .leftJoinLateral(own, sql`true`)
    .where(
      and(
        departmentId ? eq(workOrders.departmentId, departmentId) : undefined,
        statuses.length > 0 ? inArray(workOrders.status, statuses) : undefined,
        sort === "finished" ? sql`${workOrders.finishedAt} is not null` : undefined,
        after
          ? ascending
            ? sql`(${key}, ${workOrders.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`
            : sql`(${key}, ${workOrders.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(...(ascending ? [asc(key), asc(workOrders.id)] : [desc(key), desc(workOrders.id)]))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const shown = textShownTo(caller.role);
  return {
    items: page.map(({ order, complaint, departmentName, dueAt }) => ({
      ...presentWorkOrder(caller, order),
      complaintNumber: complaint.number,
      subject: shown(complaint.subject),
      severity: complaint.severity,
      complaintDueAt: complaint.dueAt,
      dueAt,
      departmentName,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.sortKey, last.order.id) : null,
  };
}

/**
 * How many orders the department (every department, for a caller who names none) has in each
 * state, exact up to INBOX_COUNT_CAP: one statement, each state a count over a limited read of
 * the (department, status, …) index.
 */
export async function countInbox(
  db: Database,
  departmentId: string | undefined,
): Promise<InboxStatusCounts> {
  const cap = sql.raw(String(INBOX_COUNT_CAP + 1));
  const columns = workOrderStatuses.map(
    (status) =>
      sql`(select count(*)::int from (select 1 from ${workOrders} where ${and(
        departmentId ? eq(workOrders.departmentId, departmentId) : undefined,
        eq(workOrders.status, status),
      )} limit ${cap}) matching) as ${sql.identifier(status)}`,
  );
  const { rows } = await db.execute<Record<WorkOrderStatus, number>>(
    sql`select ${sql.join(columns, sql`, `)}`,
  );
  const counted = rows[0]!;
  return Object.fromEntries(
    workOrderStatuses.map((status) => {
      const n = Number(counted[status]);
      return [status, { count: Math.min(n, INBOX_COUNT_CAP), capped: n > INBOX_COUNT_CAP }];
    }),
  ) as InboxStatusCounts;
}
