// The demo is loaded through the real API in a minute, so every row first carries the minute of
// loading. This spreads it over the year the plan says (demo-timing.ts, intake-rhythm.ts): each
// step a case took is moved to its planned instant, and everything a request wrote moves with
// that step; a deadline moves with the clock or promise that set it. One transaction, right after
// loading; the append-only timeline's guard is lifted inside it and nowhere else. The audit log
// keeps the true time of loading.

import { type SQL, sql } from "drizzle-orm";
import type { Database, Tx } from "../db/client.js";

/** A request of a case's: when it really ran, and when the plan says it happened. */
export interface TimeAnchor {
  complaintId: string;
  realAt: Date;
  plannedAt: Date;
}

/** `t` of the case `cid`, as the plan dates it: the offset of the last request that began by t. */
const redated = (cid: string, t: string) => sql.raw(`pg_temp.redated(${cid}, ${t})`);
/** A deadline set at `set`: it keeps its distance from that moment. */
const moved = (cid: string, set: string, t: string) =>
  sql.raw(`${t} + (pg_temp.redated(${cid}, ${set}) - ${set})`);

export async function redateHistory(
  db: Database,
  anchors: readonly TimeAnchor[],
  timeZone: string,
) {
  if (anchors.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`create temp table demo_anchors
      (complaint_id uuid, real_at timestamptz, planned_at timestamptz) on commit drop`);
    await tx.execute(sql`insert into demo_anchors
      select * from jsonb_to_recordset(${JSON.stringify(anchors)}::jsonb)
        as a("complaintId" uuid, "realAt" timestamptz, "plannedAt" timestamptz)`);
    await tx.execute(sql`create index on demo_anchors (complaint_id, real_at)`);
    await tx.execute(sql`create function pg_temp.redated(cid uuid, t timestamptz)
      returns timestamptz language sql stable as $$
        select coalesce(
          (select a.planned_at + (t - a.real_at) from demo_anchors a
            where a.complaint_id = cid and a.real_at <= t order by a.real_at desc limit 1),
          (select a.planned_at - (a.real_at - t) from demo_anchors a
            where a.complaint_id = cid order by a.real_at limit 1),
          t)
      $$`);
    const ours = sql`in (select distinct complaint_id from demo_anchors)`;
    await appendOnlyLifted(
      tx,
      sql`update timeline_events set at = ${redated("complaint_id", "at")}
      where complaint_id ${ours}`,
    );
    await tx.execute(sql`update complaints c set
        due_at = ${moved("c.id", "k.started_at", "c.due_at")},
        source_external_due_at = ${moved("c.id", "c.received_at", "c.source_external_due_at")},
        received_at = ${redated("c.id", "c.received_at")},
        created_at = ${redated("c.id", "c.created_at")},
        updated_at = ${redated("c.id", "c.updated_at")},
        closed_at = ${redated("c.id", "c.closed_at")}
      from (select c2.id, coalesce((select max(s.started_at) from sla_clocks s
              where s.complaint_id = c2.id and s.name = 'customerReply'), c2.received_at) as started_at
            from complaints c2 where c2.id ${ours}) k
      where k.id = c.id`);
    // The number carries the day of receipt (KS20260318-000042).
    await tx.execute(sql`update complaints c set
        number = 'KS' || to_char(c.received_at at time zone ${timeZone}, 'YYYYMMDD') || '-'
          || split_part(c.number, '-', 2)
      where c.id ${ours}`);
    await tx.execute(
      sql`update complaints set search_text = kesu_search_text(id) where id ${ours}`,
    );
    await appendOnlyLifted(
      tx,
      sql`update timeline_events e set data = jsonb_set(e.data, '{number}', to_jsonb(c.number))
      from complaints c where c.id = e.complaint_id and e.type = 'created' and e.complaint_id ${ours}`,
    );
    await tx.execute(sql`update case_texts t set complaint_created_at = c.created_at
      from complaints c where c.id = t.complaint_id and c.id ${ours}`);
    await tx.execute(sql`update work_orders set
        dispatched_at = ${redated("complaint_id", "dispatched_at")},
        accepted_at = ${redated("complaint_id", "accepted_at")},
        completed_at = ${redated("complaint_id", "completed_at")}
      where complaint_id ${ours}`);
    await tx.execute(sql`update contacts set at = ${redated("complaint_id", "at")}
      where complaint_id ${ours}`);
    await tx.execute(sql`update callbacks set
        due_at = ${moved("complaint_id", "created_at", "due_at")},
        created_at = ${redated("complaint_id", "created_at")},
        done_at = ${redated("complaint_id", "done_at")}
      where complaint_id ${ours}`);
    await tx.execute(sql`update sla_clocks set
        due_at = ${moved("complaint_id", "started_at", "due_at")},
        next_event_at = ${moved("complaint_id", "started_at", "next_event_at")},
        started_at = ${redated("complaint_id", "started_at")},
        stopped_at = ${redated("complaint_id", "stopped_at")},
        warned_at = ${redated("complaint_id", "warned_at")},
        breached_at = ${redated("complaint_id", "breached_at")}
      where complaint_id ${ours}`);
    await appendOnlyLifted(
      tx,
      sql`update remedies set created_at = ${redated("complaint_id", "created_at")},
        decided_at = ${redated("complaint_id", "decided_at")}
      where complaint_id ${ours}`,
      "remedies",
      "remedies_decided_unchanged",
    );
    await tx.execute(sql`update complaint_watchers set added_at = ${redated("complaint_id", "added_at")}
      where complaint_id ${ours}`);
    // A customer is on record from their first complaint.
    await tx.execute(sql`update customers cu set created_at = f.first
      from (select customer_id, min(received_at) as first from complaints
            where id ${ours} group by customer_id) f
      where f.customer_id = cu.id and f.first < cu.created_at`);
  });
}

/**
 * Runs a re-dating statement on a table whose rows are otherwise never changed (the timeline, a
 * decided remedy): the guard is lifted inside this transaction only, for the demo's own rows.
 */
async function appendOnlyLifted(
  tx: Tx,
  statement: SQL,
  table = "timeline_events",
  trigger = "timeline_events_append_only",
) {
  await tx.execute(sql.raw(`alter table ${table} disable trigger ${trigger}`));
  await tx.execute(statement);
  await tx.execute(sql.raw(`alter table ${table} enable trigger ${trigger}`));
}
