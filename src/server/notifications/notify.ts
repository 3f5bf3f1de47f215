import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { complaints, complaintWatchers } from "../../db/schema.js";

interface About {
  id: string;
  number: string;
  subject: string;
}

/** One notice: these people hear of these events on this case (or on several: a digest). */
export interface Notice {
  userIds: readonly string[];
  complaint: About | null;
  types: readonly string[];
  data: Record<string, unknown>;
}

/**
 * Tells people about a case: the bell (a notification row) and, for those with an email
 * address, a mail in the outbox. Both are written in the caller's transaction.
 */
export async function notifyUsers(
  tx: Tx,
  userIds: readonly string[],
  complaint: About,
  types: readonly string[],
  data: Record<string, unknown>,
) {
  await notifyMany(tx, [{ userIds, complaint, types, data }]);
}

/**
 * Many notices in one statement, whatever their number (the sweep tells a batch at once): the
 * bell rows, and a mail in the outbox per active recipient with an address.
 */
export async function notifyMany(tx: Tx, notices: readonly Notice[]) {
  await runWrites(tx, noticeWrites(notices));
}

/**
 * The statement parts (common table expressions) that write these notices, for a caller that
 * writes them together with its own changes in one statement: none when there is nothing to say.
 */
export function noticeWrites(notices: readonly Notice[]): SQL[] {
  // Each notice travels once (its data is not repeated per recipient); the database fans it
  // out to recipients and event types, keeping the given order.
  const rows = notices
    .filter((n) => n.userIds.length > 0 && n.types.length > 0)
    .map(({ userIds, complaint, types, data }) => ({
      complaintId: complaint?.id ?? null,
      userIds: [...new Set(userIds)],
      types,
      data: complaint ? { ...data, number: complaint.number, subject: complaint.subject } : data,
    }));
  if (rows.length === 0) return [];
  return [
    sql`notice as (
      select n.complaint_id, u.user_id, t.type, n.data, n.i, u.j, t.k
      from rows from (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
             as ("complaintId" uuid, "userIds" uuid[], types text[], data jsonb))
           with ordinality as n(complaint_id, user_ids, types, data, i)
      cross join lateral unnest(n.user_ids) with ordinality as u(user_id, j)
      cross join lateral unnest(n.types) with ordinality as t(type, k))`,
    sql`bell as (
      insert into notifications (user_id, complaint_id, type, data)
      select user_id, complaint_id, type, data from notice order by i, j, k)`,
    sql`mail as (
      insert into outbox (channel, event_type, payload)
      select 'email', n.type,
             jsonb_build_object('to', u.email, 'name', u.display_name, 'locale', u.locale,
                                'role', u.role, 'complaintId', n.complaint_id) || n.data
      from notice n join users u on u.id = n.user_id
      where u.active and u.email is not null
      order by n.i, n.j, n.k)`,
  ];
}

/**
 * Writes the given parts in one statement: data-modifying common table expressions all run,
 * once each, whether or not anything reads them.
 */
export async function runWrites(tx: Tx, parts: readonly SQL[]) {
  if (parts.length > 0) await tx.execute(sql`with ${sql.join([...parts], sql`, `)} select 1`);
}

/** A timeline event as written: the actor is null for what kesu does itself (the sweep). */
export interface EventRow {
  complaintId: string;
  type: string;
  actor: { id: string; agentNo: string; displayName: string } | null;
  customerVisible: boolean;
  data: Record<string, unknown>;
}

/**
 * Appends events to complaint timelines, in order, gives every active webhook subscribed to an
 * event type a delivery in the outbox (sent after the transaction commits) and the case's
 * watchers a bell entry: one statement for one event or a sweep batch's hundreds.
 */
export async function recordEvents(tx: Tx, events: readonly EventRow[]) {
  await runWrites(tx, eventWrites(events));
}

/** The statement parts that record these events, as `noticeWrites` for notices. */
export function eventWrites(events: readonly EventRow[]): SQL[] {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({
    complaintId: e.complaintId,
    type: e.type,
    actorId: e.actor?.id ?? null,
    actorAgentNo: e.actor?.agentNo ?? null,
    actorName: e.actor?.displayName ?? null,
    customerVisible: e.customerVisible,
    data: e.data,
  }));
  return [
    sql`ev as (
      insert into timeline_events
        (complaint_id, type, actor_id, actor_agent_no, actor_name, customer_visible, data)
      select (e->>'complaintId')::uuid, e->>'type', (e->>'actorId')::uuid, e->>'actorAgentNo',
             e->>'actorName', (e->>'customerVisible')::boolean, e->'data'
      from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as x(e, i)
      order by i
      returning id, complaint_id, type, at, data, actor_id)`,
    sql`hook as (
      insert into outbox (channel, webhook_id, event_type, payload)
      select 'webhook', w.id, ev.type,
             jsonb_build_object(
               'event', ev.type,
               'complaintId', ev.complaint_id,
               'at', to_char(ev.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'data', ev.data)
      from ev join webhooks w on w.active and (cardinality(w.events) = 0 or ev.type = any(w.events))
      order by ev.id, w.id)`,
    // A case's watchers hear in the bell of what people do on it, each but their own doings; what
    // kesu does itself (the sweep) reaches supervisors in its digest instead.
    sql`watcher_bell as (
      insert into notifications (user_id, complaint_id, type, data)
      select w.user_id, ev.complaint_id, ev.type,
             ev.data || jsonb_build_object('number', c.number, 'subject', c.subject)
      from ev join ${complaintWatchers} w on w.complaint_id = ev.complaint_id
              join ${complaints} c on c.id = ev.complaint_id
      where ev.actor_id is not null and w.user_id <> ev.actor_id
      order by ev.id, w.user_id)`,
  ];
}
