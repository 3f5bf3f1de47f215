import { and, asc, desc, eq, exists, inArray, notInArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { complaints, customers, workOrders } from "../../db/schema.js";
import { canSeePersonalData } from "../../domain/access/roles.js";
import {
  type ComplaintKind,
  type ComplaintStatus,
  complaintStatuses,
  isOpen,
} from "../../domain/complaint/complaint-lifecycle.js";
import { maskPhone } from "../../domain/customer/masking.js";
import { normalisePhone } from "../../domain/customer/phone.js";
import type { App, Caller } from "../http/app-types.js";
import { decodeCursor, encodeCursor, exactTimestamp } from "../http/cursor.js";
import type { listComplaintsQuery, severities } from "./complaint.schemas.js";
import { shownColumns } from "./complaint.view.js";
import { searchCondition } from "./search-text.js";

type Query = z.infer<typeof listComplaintsQuery>;
const FAR_FUTURE = new Date("9999-12-31T00:00:00Z");

/** Keyset pages (no OFFSET): newest first, or due first for the work queue. */
export async function listComplaints(app: App, caller: Caller, query: Query) {
  const dueOrder = sql`coalesce(${complaints.dueAt}, ${FAR_FUTURE.toISOString()}::timestamptz)`;
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const after = !cursor
    ? undefined
    : query.sort === "due"
      ? sql`(${dueOrder}, ${complaints.id}) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
      : sql`(${complaints.createdAt}, ${complaints.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
  const rows = await app.db
    .select({
      complaint: shownColumns,
      customer: { id: customers.id, name: customers.name, phone: customers.phone },
      sortKey: exactTimestamp(query.sort === "due" ? dueOrder : complaints.createdAt),
    })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .where(and(visibleTo(caller), ...filters(query), after))
    .orderBy(
      ...(query.sort === "due"
        ? [asc(dueOrder), asc(complaints.id)]
        : [desc(complaints.createdAt), desc(complaints.id)]),
    )
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor(last.sortKey, last.complaint.id) : null;
  const seePersonalData = canSeePersonalData(caller.role);
  return {
    items: page.map(({ complaint: c, customer }) => ({
      id: c.id,
      number: c.number,
      kind: c.kind as ComplaintKind,
      status: c.status as ComplaintStatus,
      subject: c.subject,
      customer: {
        ...customer,
        phone: customer.phone && !seePersonalData ? maskPhone(customer.phone) : customer.phone,
      },
      ownerId: c.ownerId,
      severity: c.severity as (typeof severities)[number],
      category: c.category,
      flags: c.flags,
      reopenCount: c.reopenCount,
      dueAt: c.dueAt,
      createdAt: c.createdAt,
      version: c.version,
    })),
    nextCursor,
  };
}

/** Scope inside the query: a department handler's list can only ever hold their department's cases. */
function visibleTo(caller: Caller): SQL | undefined {
  if (caller.role !== "department_handler") return undefined;
  if (!caller.departmentId) return sql`false`;
  return dispatchedTo(caller.departmentId);
}

const dispatchedTo = (departmentId: string) =>
  exists(
    sql`(select 1 from ${workOrders} where ${workOrders.complaintId} = ${complaints.id} and ${workOrders.departmentId} = ${departmentId})`,
  );

const endStates = complaintStatuses.filter((status) => !isOpen(status));

function filters(q: Query): (SQL | undefined)[] {
  const statuses = q.status === undefined ? [] : [q.status].flat();
  return [
    statuses.length > 0 ? inArray(complaints.status, statuses) : undefined,
    q.open === undefined
      ? undefined
      : (q.open ? notInArray : inArray)(complaints.status, endStates),
    q.kind ? eq(complaints.kind, q.kind) : undefined,
    q.ownerId ? eq(complaints.ownerId, q.ownerId) : undefined,
    q.category ? eq(complaints.category, q.category) : undefined,
    q.customerId ? eq(complaints.customerId, q.customerId) : undefined,
    q.departmentId ? dispatchedTo(q.departmentId) : undefined,
    q.q ? textMatch(q.q) : undefined,
  ];
}

/** A phone number in any spelling searches as its digits; anything else as typed. */
function textMatch(text: string): SQL {
  const digits = normalisePhone(text);
  const looksLikePhone = digits.length >= 5 && /^[\d\s+()-]+$/.test(text);
  return searchCondition(looksLikePhone ? digits : text);
}
