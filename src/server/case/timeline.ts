import { is, SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { runWrites } from "../../db/run-writes.js";
import { complaints, complaintWatchers } from "../../db/schema.js";
import type { Caller } from "../http/app-types.js";
import { refreshRisk } from "./case-risk.js";
import { caseTextWrite } from "./search-text.js";

// The only place that writes timeline rows: every command and the sweep come here. Every change
// on a case is recorded here, so here too its escalation risk is scored again (case-risk.ts).

export interface TimelineEntry {
  type: string;
  data?: Record<string, unknown>;
  customerVisible?: boolean;
  /** Another complaint's timeline (merge writes on both). */
  complaintId?: string;
}

/**
 * The append-only history; every entry names the actor with their agent number (工号). The
 * cases written on are scored again afterwards, so a command's change and its risk commit together.
 */
export async function appendTimeline(
  tx: Tx,
  caller: Caller | null,
  complaintId: string,
  entries: TimelineEntry[],
) {
  // One code path with the sweep's batches; subscribers hear of each event from the outbox.
  await recordEvents(
    tx,
    entries.map((e) => ({
      complaintId: e.complaintId ?? complaintId,
      type: e.type,
      actor: caller,
      customerVisible: e.customerVisible ?? false,
      data: e.data ?? {},
    })),
  );
  // A follow-up's 不满意 is a reason on the customer's other open cases as well.
  await refreshRisk(
    tx,
    entries.map((e) => e.complaintId ?? complaintId),
    { customersCases: entries.some((e) => e.type === "followed_up") },
  );
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

/** An event as the statement below reads it. */
export const eventJson = (e: Omit<EventRow, "complaintId"> & { complaintId?: string }) => ({
  complaintId: e.complaintId,
  type: e.type,
  actorId: e.actor?.id ?? null,
  actorAgentNo: e.actor?.agentNo ?? null,
  actorName: e.actor?.displayName ?? null,
  customerVisible: e.customerVisible,
  data: e.data,
});

/**
 * The statement parts that record these events, as `noticeWrites` for notices; or the events a
 * part before them computes, as a jsonb list of `eventJson` objects (intake's, see create-complaint).
 */
export function eventWrites(events: readonly EventRow[] | SQL): SQL[] {
  if (!is(events, SQL) && events.length === 0) return [];
  const rows = is(events, SQL) ? events : sql`${JSON.stringify(events.map(eventJson))}::jsonb`;
  return [
    sql`ev as (
      insert into timeline_events
        (complaint_id, type, actor_id, actor_agent_no, actor_name, customer_visible, data)
      select (e->>'complaintId')::uuid, e->>'type', (e->>'actorId')::uuid, e->>'actorAgentNo',
             e->>'actorName', (e->>'customerVisible')::boolean, e->'data'
      from jsonb_array_elements(${rows}) with ordinality as x(e, i)
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
      -- A history import's steps (kesu.event_time set, migration 0040) are not news to subscribers.
      where nullif(current_setting('kesu.event_time', true), '') is null
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
    caseTextWrite,
  ];
}
