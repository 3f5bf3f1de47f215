import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { rowsFromJson } from "../../db/json-rows.js";
import {
  complaints,
  complaintWatchers,
  qualityCaseSteps,
  qualityCases,
  slaClocks,
  slaPolicies,
  users,
} from "../../db/schema.js";
import type { SupervisorLoad } from "../../domain/sla/breach-actions.js";
import type { BreachAction } from "../../domain/sla/sla-policy.js";
import { activeSupervisors, supervisorJson } from "../../server/case/supervisor-loads.js";
import { calendarDaysJson, calendarFromJson, calendarJson } from "../../server/sla/sla-store.js";

export interface SweptCase {
  id: string;
  number: string;
  subject: string;
  kind: string;
  status: string;
  severity: string;
  ownerId: string | null;
  createdById: string;
  ownerRole: string | null;
  ownerDepartmentId: string | null;
  ownerAgentNo: string | null;
  ownerName: string | null;
  watcherIds: string[];
}

/** An 8D whose discipline clock is due: who hears of it (the step's owner, the champion, the opener). */
export interface SweptQualityCase {
  id: string;
  number: string;
  title: string;
  openedById: string;
  championId: string | null;
  /** Step owners by discipline. */
  owners: Record<string, string | null>;
}

/**
 * The batch and all its planning needs, in one statement: the due clocks claimed with FOR
 * UPDATE SKIP LOCKED (several kesu servers sweeping together each take different clocks), their
 * cases, their policies' breach actions, the calendar and the supervisors. A person acting on a
 * case holds its row: its clocks are left for the next sweep rather than waited for (commands
 * lock the case before its clocks, so waiting here could deadlock).
 */
export async function claimBatch(tx: Tx, now: Date, batchSize: number) {
  const { rows } = await tx.execute<Record<string, unknown>>(sql`
    with due as (
      select * from ${slaClocks}
      where next_event_at is not null and next_event_at <= ${now.toISOString()}::timestamptz
      order by next_event_at limit ${batchSize}
      for update skip locked
    ), held as (
      select c.id, c.number, c.subject, c.kind, c.status, c.severity, c.owner_id as "ownerId",
             c.created_by_id as "createdById", u.role as "ownerRole",
             u.department_id as "ownerDepartmentId", u.agent_no as "ownerAgentNo",
             u.display_name as "ownerName",
             array(select w.user_id from ${complaintWatchers} w where w.complaint_id = c.id)
               as "watcherIds"
      from ${complaints} c left join ${users} u on u.id = c.owner_id
      where c.id in (select complaint_id from due)
      for update of c skip locked
    ), quality as (
      select q.id, q.number, q.title, q.opened_by_id as "openedById",
             (select s.data->>'championId' from ${qualityCaseSteps} s
               where s.case_id = q.id and s.discipline = 'd1') as "championId",
             (select json_object_agg(s.discipline, s.owner_id) from ${qualityCaseSteps} s
               where s.case_id = q.id) as owners
      from ${qualityCases} q where q.id in (select quality_case_id from due)
    )
    select (select json_agg(due order by due.next_event_at, due.id) from due) as due,
           (select json_agg(held) from held) as cases,
           (select json_agg(quality) from quality) as "qualityCases",
           (select json_object_agg(p.id, p.actions_on_breach) from ${slaPolicies} p
             where p.id in (select policy_id from due)) as actions,
           ${calendarJson} as calendar, ${calendarDaysJson} as days,
           (select json_agg(${supervisorJson(sql`0`)} order by s.agent_no) ${activeSupervisors})
             as supervisors
    where exists (select from due)`);
  const [read] = rows;
  return {
    due: rowsFromJson(slaClocks, read?.due),
    cases: new Map(((read?.cases ?? []) as SweptCase[]).map((c) => [c.id, c])),
    qualityCases: new Map(((read?.qualityCases ?? []) as SweptQualityCase[]).map((c) => [c.id, c])),
    actions: new Map(Object.entries((read?.actions ?? {}) as Record<string, BreachAction[]>)),
    calendar: calendarFromJson(read?.calendar, read?.days),
    supervisors: (read?.supervisors ?? []) as SupervisorLoad[],
  };
}
