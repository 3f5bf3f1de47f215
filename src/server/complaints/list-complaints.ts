import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { preparedByShape } from "../../db/prepared.js";
import {
  callbacks,
  complaints,
  customers,
  finishedStatusList,
  slaClocks,
  users,
  workOrders,
} from "../../db/schema.js";
import {
  canSeePersonalData,
  type IdentifierSearch,
  identifierSearch,
} from "../../domain/access/roles.js";
import { maskPhone, textShownTo } from "../../domain/customer/masking.js";
import { normalisePhone } from "../../domain/customer/phone.js";
import { type AttentionLevel, attentionLevels } from "../../domain/sla/attention.js";
import { addDaysToDate } from "../../domain/sla/zoned-time.js";
import { shownColumns } from "../case/complaint-row.js";
import { presentRisk } from "../case/present-risk.js";
import { type SearchPath, searchCondition, writtenTextCondition } from "../case/search-text.js";
import { dispatchedTo, visibleTo } from "../case/visible-complaint.js";
import type { App, Caller } from "../http/app-types.js";
import { decodeCursor, encodeCursor, exactTimestamp } from "../http/cursor.js";
import type { listComplaintsQuery } from "./complaint.schemas.js";

type Query = z.infer<typeof listComplaintsQuery>;
/** What narrows the list, without the page (sort, size, cursor); saved views count with it too. */
export type ListFilters = Omit<Query, "sort" | "limit" | "cursor">;

/**
 * Keyset pages (no OFFSET): newest first, due first for the work queue, the latest first for
 * cases whose running deadlines are missed or warned (`late`, which lists only those), or the
 * highest escalation risk first and then due (`risk`).
 */
export async function listComplaints(app: App, caller: Caller, listQuery: Query) {
  const query =
    listQuery.sort === "late" && !listQuery.sla
      ? { ...listQuery, sla: [...attentionLevels] }
      : listQuery;
  const ascending = query.sort !== "newest";
  const byRisk = query.sort === "risk";
  const sortOrder =
    query.sort === "due" || byRisk
      ? complaints.dueAt
      : query.sort === "late"
        ? lateness
        : complaints.createdAt;
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const after = !cursor
    ? undefined
    : byRisk
      ? sql`(${riskRank}, ${sortOrder}, ${complaints.id}) > (${-(cursor.rank ?? 0)}::int, ${cursor.at}::timestamptz, ${cursor.id}::uuid)`
      : ascending
        ? sql`(${sortOrder}, ${complaints.id}) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
        : sql`(${sortOrder}, ${complaints.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
  // A union's order names its output columns: there the negated score is the score, descending.
  const order = (union = false) =>
    byRisk
      ? [union ? desc(complaints.riskScore) : asc(riskRank), asc(sortOrder), asc(complaints.id)]
      : ascending
        ? [asc(sortOrder), asc(complaints.id)]
        : [desc(sortOrder), desc(complaints.id)];
  // Each part of the condition (a search has two) is its own sorted, limited read, so each takes
  // the plan that suits it, stops at a page, and the page is the newest (or soonest due) of both.
  // One statement: reading the second only before the first's last row (a second round trip)
  // saved a common word a few ms and cost every rare one a statement (measured, docs/scaling.md).
  const fetchPage = (since?: SQL) => {
    const [first, second, ...more] = listConditions(
      caller,
      query,
      since ? "window" : "index",
      since,
      app.config.KESU_TIMEZONE,
    ).map((condition) =>
      app.db
        .select({
          complaint: shownColumns,
          customer: pageCustomer,
          owner: pageOwner,
          nextCallbackAt: pageNextCallback,
          attention: pageAttention,
          sortKey: exactTimestamp(sortOrder),
        })
        .from(complaints)
        .where(and(condition, after, since ? sql`${complaints.createdAt} >= ${since}` : undefined))
        .orderBy(...order())
        .limit(query.limit + 1),
    );
    return second
      ? unionAll(first!, second, ...more)
          .orderBy(...order(true))
          .limit(query.limit + 1)
      : first!;
  };
  // A common word matches a large share of all cases: the newest cases are searched first, and
  // the whole index only when they hold less than a page.
  const bound = query.q && query.sort === "newest" ? await windowBound(app, cursor) : null;
  const windowed = bound ? await fetchPage(bound) : [];
  // Without a search term a page's plan depends on its shape alone: prepared per shape.
  const whole = () => (query.q ? fetchPage() : preparedByShape("list", fetchPage()).execute());
  const rows = windowed.length > query.limit ? windowed : await whole();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor(last.sortKey, last.complaint.id, byRisk ? last.complaint.riskScore : undefined)
      : null;
  const seePersonalData = canSeePersonalData(caller.role);
  const shown = textShownTo(caller.role);
  return {
    items: page.map(({ complaint: c, customer, owner, nextCallbackAt, attention }) => ({
      id: c.id,
      number: c.number,
      kind: c.kind,
      status: c.status,
      subject: shown(c.subject),
      customer: {
        ...customer,
        phone: customer.phone && !seePersonalData ? maskPhone(customer.phone) : customer.phone,
      },
      ownerId: c.ownerId,
      owner,
      severity: c.severity,
      category: c.category,
      flags: c.flags,
      reopenCount: c.reopenCount,
      dueAt: c.dueAt,
      nextCallbackAt,
      attention: attention && { ...attention, at: new Date(attention.at) },
      risk: presentRisk(c),
      createdAt: c.createdAt,
      version: c.version,
    })),
    nextCursor,
  };
}

/**
 * The page's complaint, named in full. In a select of one table drizzle writes the select list's
 * columns bare, and a bare "id" inside a subquery is the subquery's own table's.
 */
const outer = (column: "id" | "owner_id" | "customer_id") => sql.raw(`"complaints"."${column}"`);

/**
 * The customer of each row on the page, as a subquery of the select list: PostgreSQL evaluates
 * it after the sort and limit, so only for the page's rows, where a join ran for every candidate.
 */
const pageCustomer = sql<{
  id: string;
  name: string;
  phone: string | null;
}>`(select json_build_object('id', ${customers.id}, 'name', ${customers.name}, 'phone', ${customers.phone}) from ${customers} where ${customers.id} = ${outer("customer_id")})`;

// The owner, the next callback and the deadline needing attention are, like the customer,
// subqueries of the select list: evaluated after the sort and limit, for the page's rows only
// (EXPLAIN shows each run once per row of the page, by index), never for every candidate.

const pageOwner = sql<{
  id: string;
  name: string;
  agentNo: string;
} | null>`(select json_build_object('id', ${users.id}, 'name', ${users.displayName}, 'agentNo', ${users.agentNo}) from ${users} where ${users.id} = ${outer("owner_id")})`;

/**
 * The soonest callback promise still owed: open, or missed and not yet made up by a call
 * (callbacks_complaint_idx: complaint, due).
 */
const pageNextCallback =
  sql<Date | null>`(select min(${callbacks.dueAt}) from ${callbacks} where ${callbacks.complaintId} = ${outer("id")} and ${callbacks.status} in ('open', 'missed') and ${callbacks.doneAt} is null)`.mapWith(
    (value: string | Date) => new Date(value),
  );

/**
 * A running clock whose warning or breach the sweep has fired, spelt as the predicate of the
 * partial index sla_clocks_fired_idx (migration 0022), so every use reads that small index.
 */
const fired = sql`${slaClocks.stoppedAt} is null and (${slaClocks.warnedAt} is not null or ${slaClocks.breachedAt} is not null)`;

/**
 * A fired clock's deadline, the instant "how late" counts from (earlier is later). A warned
 * clock's is its next event (the sweep's own figure, pauses and extensions counted). A missed
 * one's is its latest approved extension's date, else its deadline at the start: a pause before
 * the breach is not counted there, so such a clock shows that much later than it is; its breach
 * time would not do, since a sweep after downtime fires every breach at once.
 */
const firedAt = sql`case when ${slaClocks.breachedAt} is null and ${slaClocks.nextEventAt} is not null
  then ${slaClocks.nextEventAt}
  else coalesce((${slaClocks.extensions} -> -1 ->> 'newDueAt')::timestamptz, ${slaClocks.dueAt}) end`;

/**
 * The risk order's first key: the score negated, spelt as complaints_open_risk_score_idx
 * (migration 0035), so the page cursor's one ascending row comparison is the index's condition.
 */
const riskRank = sql`(-${complaints.riskScore})`;

/** The earliest deadline among the case's fired clocks (the most overdue): the `late` order's key. */
const lateness = sql`(select min(${firedAt}) from ${slaClocks} where ${slaClocks.complaintId} = ${outer("id")} and ${fired})`;

const pageAttention = sql<{
  level: AttentionLevel;
  clock: string;
  at: string;
} | null>`(select json_build_object(
    'level', case when bool_or(${slaClocks.breachedAt} is not null) then 'breached' else 'warned' end,
    'clock', (array_agg(${slaClocks.name} order by ${firedAt}, ${slaClocks.id}))[1],
    'at', min(${firedAt}))
  from ${slaClocks} where ${slaClocks.complaintId} = ${outer("id")} and ${fired}
  having count(*) > 0)`;

/** How many of the newest cases a search looks through before it asks the index. */
const SEARCH_WINDOW = 5000;

/**
 * Where (about) the newest SEARCH_WINDOW cases after the cursor begin, or null when there are
 * not many more. Any bound is exact: every match from there on is newer than every match before
 * it, so a window holding more than a page gives the page a full search gives. It is estimated
 * from the table's time span and row count, reading no rows, and passed as a value so the planner
 * sees how narrow the window is.
 */
async function windowBound(app: App, cursor: { at: string; id: string } | null) {
  const below = cursor
    ? sql`(select max(created_at) from ${complaints}
        where (created_at, id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid))`
    : sql`max(created_at)`;
  const { rows } = await app.db.execute<{ at: string | null }>(sql`
    select case when r.n > ${SEARCH_WINDOW}::float8
      then ${exactTimestamp(sql`(s.below - (s.hi - s.lo) * (${SEARCH_WINDOW}::float8 / r.n))`)} end as at
    from (select min(created_at) as lo, max(created_at) as hi, ${below} as below
          from ${complaints}) s,
         (select reltuples::float8 as n from pg_class where oid = 'complaints'::regclass) r`);
  const at = rows[0]?.at;
  return at ? sql`${at}::timestamptz` : null;
}

/**
 * The list's condition: the caller's scope and the filters, as disjoint parts whose rows together
 * are the list. Without a search it is one part; with one, two: the cases whose own text matches,
 * and the others with a matching note, reply or contact (case_texts), since one condition naming
 * both tables could use neither table's search index (a rare name took seconds). Saved-view counts
 * use these very parts, so a view's count and its list cannot disagree. `since` is the search
 * window's start on the window path: the written texts are read for the window's cases only.
 */
export function listConditions(
  caller: Caller,
  query: ListFilters,
  searchPath: SearchPath = "index",
  since?: SQL,
  timeZone?: string,
): SQL[] {
  const scoped = [visibleTo(caller), ...filters(caller, query), ...reportFilters(query, timeZone)];
  if (!query.q) return [and(...scoped) ?? sql`true`];
  const { own, written } = textMatch(query.q, searchPath, identifierSearch(caller.role), since);
  return [and(...scoped, own)!, and(...scoped, written, sql`(${own}) is not true`)!];
}

/** Every filter but the search. */
function filters(caller: Caller, q: ListFilters): (SQL | undefined)[] {
  const statuses = q.status === undefined ? [] : [q.status].flat();
  return [
    statuses.length > 0 ? inArray(complaints.status, statuses) : undefined,
    q.open === undefined
      ? undefined
      : q.open
        ? sql`${complaints.status} not in (${finishedStatusList})`
        : sql`${complaints.status} in (${finishedStatusList})`,
    q.kind ? eq(complaints.kind, q.kind) : undefined,
    q.ownerId ? eq(complaints.ownerId, q.ownerId) : undefined,
    q.category ? eq(complaints.category, q.category) : undefined,
    q.customerId ? eq(complaints.customerId, q.customerId) : undefined,
    q.departmentId ? dispatchedTo(q.departmentId) : undefined,
    q.team && caller.departmentId ? ownedInDepartment(caller.departmentId) : undefined,
    q.sla === undefined ? undefined : needingAttention([q.sla].flat()),
    // Spelt with the open-case index's columns (complaints_open_risk_idx) for the high-risk view.
    q.riskLevel === undefined ? undefined : inArray(complaints.riskLevel, [q.riskLevel].flat()),
  ];
}

/**
 * The filters a report's drill-down sends (reports/report-cases.ts): the same received days in
 * the center's time zone, cause and lead department, so the list holds the cases a chart counted.
 */
function reportFilters(q: ListFilters, timeZone: string | undefined): (SQL | undefined)[] {
  if ((q.receivedFrom || q.receivedTo) && !timeZone)
    throw new Error("a received-day filter needs the center's time zone");
  const midnight = (day: string) => sql`(${day}::date)::timestamp at time zone ${timeZone}`;
  const satisfaction = q.satisfaction === undefined ? [] : [q.satisfaction].flat();
  return [
    q.receivedFrom ? sql`${complaints.receivedAt} >= ${midnight(q.receivedFrom)}` : undefined,
    q.receivedTo
      ? sql`${complaints.receivedAt} < ${midnight(addDaysToDate(q.receivedTo, 1))}`
      : undefined,
    q.cause ? sql`${q.cause} = any(${complaints.causes})` : undefined,
    q.leadDepartmentId
      ? sql`(select ${workOrders.departmentId} from ${workOrders}
          where ${workOrders.complaintId} = ${complaints.id} and ${workOrders.lead}
          order by ${workOrders.dispatchedAt} desc limit 1) = ${q.leadDepartmentId}`
      : undefined,
    satisfaction.length > 0 ? inArray(complaints.satisfaction, satisfaction) : undefined,
  ];
}

/** The cases owned by the people of a department: a supervisor's team. */
const ownedInDepartment = (departmentId: string) =>
  inArray(
    complaints.ownerId,
    sql`(select ${users.id} from ${users} where ${users.departmentId} = ${departmentId})`,
  );

/**
 * Cases with a fired running clock: any (both levels), a missed one (`breached`), or a warned
 * one and none missed (`warned`). The clocks come from the small partial index, so the rest of
 * the table is never read for them.
 */
function needingAttention(levels: AttentionLevel[]): SQL | undefined {
  const clocksWhere = (extra?: SQL) =>
    sql`(select ${slaClocks.complaintId} from ${slaClocks} where ${fired}${extra ? sql` and ${extra}` : sql``})`;
  const breached = sql`${slaClocks.breachedAt} is not null`;
  const wantBreached = levels.includes("breached");
  const wantWarned = levels.includes("warned");
  if (wantBreached && wantWarned) return inArray(complaints.id, clocksWhere());
  if (wantBreached) return inArray(complaints.id, clocksWhere(breached));
  if (wantWarned)
    return and(
      inArray(complaints.id, clocksWhere(sql`${slaClocks.breachedAt} is null`)),
      sql`${complaints.id} not in ${clocksWhere(breached)}`,
    );
  return undefined;
}

/**
 * What was typed, and a phone number in any spelling as its digits too: "138-0013-8000" finds
 * 13800138000, while "20261123-000042" still finds the case number as written. A role that sees
 * identifiers masked matches none of their digits in the text; quality may still find a customer's
 * cases by the whole phone, ID or account number it already knows. `own` is the complaint's own
 * text (and the customer's number), `written` its notes, replies and contacts.
 */
function textMatch(
  text: string,
  path: SearchPath,
  identifiers: IdentifierSearch,
  since: SQL | undefined,
): { own: SQL; written: SQL } {
  const digits = normalisePhone(text);
  const looksLikePhone = digits.length >= 5 && /^[\d\s+()-]+$/.test(text);
  const spellings = looksLikePhone && digits !== text ? [text, digits] : [text];
  const own = or(
    ...spellings.map((term) => searchCondition(term, path, identifiers)),
    identifiers === "whole_number"
      ? customerWithNumber(text, looksLikePhone ? digits : null)
      : undefined,
  )!;
  return { own, written: writtenTextCondition(spellings, path, identifiers, since) };
}

/** The cases of the customer whose phone, ID or account number is exactly the one typed. */
const customerWithNumber = (text: string, phone: string | null) =>
  inArray(
    complaints.customerId,
    sql`(select ${customers.id} from ${customers} where ${or(
      phone ? eq(customers.phone, phone) : undefined,
      eq(customers.idNumber, text.toUpperCase()),
      eq(customers.accountNo, text),
    )})`,
  );
