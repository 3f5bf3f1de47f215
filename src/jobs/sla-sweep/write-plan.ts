import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { runWrites } from "../../db/run-writes.js";
import {
  callbacks,
  complaints,
  complaintWatchers,
  qualityCaseEvents,
  slaClocks,
} from "../../db/schema.js";
import { refreshRisk } from "../../server/case/case-risk.js";
import { eventWrites } from "../../server/case/timeline.js";
import { noticeWrites } from "../../server/notifications/notify.js";
import type { BatchPlan } from "./plan-batch.js";

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

/**
 * The plan in one statement: clock records, callbacks missed, case changes, watchers added,
 * timeline events (with webhook deliveries) and notifications (with mail), each a part of one WITH.
 */
export async function writePlan(tx: Tx, plan: BatchPlan, now: Date) {
  if (plan.clocks.length === 0) return; // every case was held by someone: all left for later
  const parts = [
    sql`clock as (
      update ${slaClocks} c
      set warned_at = (v->>'warnedAt')::timestamptz,
          breached_at = (v->>'breachedAt')::timestamptz,
          next_event_at = (v->>'nextEventAt')::timestamptz
      from jsonb_array_elements(${json(plan.clocks)}) v
      where c.id = (v->>'id')::uuid)`,
  ];
  if (plan.missedCallbacks.length > 0)
    parts.push(sql`missed as (
      update ${callbacks} set status = 'missed'
      where id in (select jsonb_array_elements_text(${json(plan.missedCallbacks)})::uuid))`);
  if (plan.cases.length > 0)
    parts.push(sql`changed as (
      update ${complaints} c
      set severity = v->>'severity', owner_id = (v->>'ownerId')::uuid, status = v->>'status',
          version = c.version + 1, updated_at = now()
      from jsonb_array_elements(${json(plan.cases)}) v
      where c.id = (v->>'id')::uuid)`);
  if (plan.watchers.length > 0)
    parts.push(sql`watching as (
      insert into ${complaintWatchers} (complaint_id, user_id, reason)
      select "complaintId", "userId", 'sla_breached'
      from jsonb_to_recordset(${json(plan.watchers)}) as w("complaintId" uuid, "userId" uuid)
      on conflict do nothing)`);
  if (plan.qualityEvents.length > 0)
    parts.push(sql`quality_events as (
      insert into ${qualityCaseEvents} (case_id, type, discipline, data)
      select "caseId", type, discipline, data
      from jsonb_to_recordset(${json(plan.qualityEvents)})
        as e("caseId" uuid, type text, discipline text, data jsonb))`);
  await runWrites(tx, [...parts, ...eventWrites(plan.events), ...noticeWrites(plan.notices)]);
  // A missed or extended deadline moves the case's escalation risk: scored after the batch's
  // statement, which it must see written; at the sweep's instant, as the rescore job scores.
  await refreshRisk(
    tx,
    plan.events.map((e) => e.complaintId),
    { now },
  );
}
