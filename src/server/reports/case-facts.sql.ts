// domain/kpi/case-facts.ts as SQL: one row per case with every fact a KPI reads, built where the
// rows lie and kept in report_case_facts, so a report aggregates one narrow table in the database
// and never loads cases into Node.

import { type SQL, sql } from "drizzle-orm";
import {
  complaints,
  contacts,
  remedies,
  remedyReversals,
  reportCaseFacts,
  slaClocks,
  timelineEvents,
  workOrders,
} from "../../db/schema.js";
import type { CaseFacts } from "../../domain/kpi/case-facts.js";

/** The column of each fact in the facts row (alias `f`). */
export const factColumn: Record<keyof CaseFacts, string> = {
  status: "status",
  receivedAt: "received_at",
  dueAt: "due_at",
  closedAt: "closed_at",
  lastReplyAt: "last_reply_at",
  firstResponseAt: "first_response_at",
  pauses: "pauses",
  satisfaction: "satisfaction",
  reopenCount: "reopen_count",
  escalationLevel: "escalation_level",
  leadOrders: "lead_orders",
  returnedOrders: "returned_orders",
  inboundContacts: "inbound_contacts",
  remedyFen: "remedy_fen",
  transferred: "transferred",
  repeat: "repeat",
  substantiated: "substantiated",
  cameBackSoon: "came_back_soon",
};

export const fact = (name: keyof CaseFacts) => sql.raw(`f.${factColumn[name]}`);

/** How long after receipt a new complaint by the same customer means the first was not resolved. */
const CAME_BACK_WITHIN = sql.raw("interval '14 days'");

/**
 * The facts of the cases `where` (on `complaints c`) selects, computed from the case's tables:
 * what `report_case_facts` holds (refresh-case-facts.ts writes it from here), one row per case.
 */
export function liveCaseFactsSql(where: SQL): SQL {
  return sql`
    select c.id as complaint_id, c.status, c.received_at, c.due_at, c.closed_at, c.satisfaction,
      c.reopen_count, c.escalation_level,
      c.source_type = 'transfer' as transferred,
      'repeat' = any(c.flags) as repeat,
      coalesce(c.substantiated, false) as substantiated,
      c.owner_id, c.category, c.causes, c.channel, c.business_type, c.kind,
      c.complained_product as product,
      coalesce(c.source_hotline, c.source_type) as source,
      w.lead_orders, w.returned_orders, w.lead_department_id, w.department_ids,
      rp.last_reply_at,
      least(rp.first_reply_at, ct.first_call_at) as first_response_at,
      ct.inbound_contacts,
      (select coalesce(jsonb_agg(p), '[]'::jsonb)
        from ${slaClocks} s cross join jsonb_array_elements(s.pauses) p
        where s.complaint_id = c.id and s.name = 'customerReply') as pauses,
      (select coalesce(sum(r.amount_fen), 0) from ${remedies} r
        where r.complaint_id = c.id and r.status = 'granted'
          and not exists (select from ${remedyReversals} v where v.remedy_id = r.id))::bigint as remedy_fen,
      exists (select from ${complaints} later
        where later.customer_id = c.customer_id and later.id <> c.id
          and later.received_at > c.received_at
          and later.received_at <= c.received_at + ${CAME_BACK_WITHIN}) as came_back_soon
    from ${complaints} c
    left join lateral (
      select count(*) filter (where o.lead)::int as lead_orders,
        count(*) filter (where o.status = 'returned')::int as returned_orders,
        (array_agg(o.department_id order by o.dispatched_at desc) filter (where o.lead))[1]
          as lead_department_id,
        coalesce(array_agg(distinct o.department_id) filter (where o.department_id is not null),
          '{}') as department_ids
      from ${workOrders} o where o.complaint_id = c.id) w on true
    left join lateral (
      select max(e.at) as last_reply_at, min(e.at) as first_reply_at
      from ${timelineEvents} e where e.complaint_id = c.id and e.type = 'replied') rp on true
    left join lateral (
      select min(k.at) filter (where k.direction = 'outbound') as first_call_at,
        count(*) filter (where k.direction = 'inbound')::int as inbound_contacts
      from ${contacts} k where k.complaint_id = c.id) ct on true
    where ${where}`;
}

/**
 * The stored facts (alias `c`, so a report's conditions read like the complaint's) of the cases
 * `where` selects, with `asOf`: the instant backlog is judged at (a statement on `c`).
 */
export function caseFactsSql(where: SQL, asOf: SQL, extra: SQL = sql``): SQL {
  return sql`select c.*, ${asOf} as as_of ${extra} from ${reportCaseFacts} c where ${where}`;
}
