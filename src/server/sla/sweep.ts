import { type SQL, sql } from "drizzle-orm";
import { DEFAULT_SWEEP_BATCH } from "../../config.js";
import type { Database, Tx } from "../../db/client.js";
import { rowsFromJson } from "../../db/json-rows.js";
import { runWrites } from "../../db/run-writes.js";
import {
  callbacks,
  complaints,
  complaintWatchers,
  slaClocks,
  slaPolicies,
  users,
} from "../../db/schema.js";
import type { Role } from "../../domain/access/roles.js";
import {
  type ComplaintKind,
  type ComplaintStatus,
  checkTransition,
  complaintStatuses,
  isOpen,
  statusAfter,
} from "../../domain/complaint/complaint-lifecycle.js";
import {
  afterChanges,
  type BreachCase,
  type BreachChange,
  breachChanges,
  type SupervisorLoad,
} from "../../domain/sla/breach-actions.js";
import type { WorkCalendar } from "../../domain/sla/calendar.js";
import { clockState, markBreached, markWarned, nextEventAt } from "../../domain/sla/clock.js";
import type { BreachAction, Severity } from "../../domain/sla/sla-policy.js";
import { type EventRow, eventWrites } from "../case/timeline.js";
import { type Notice, noticeWrites } from "../notifications/notify.js";
import {
  type ClockRow,
  calendarDaysJson,
  calendarFromJson,
  calendarJson,
  clockOf,
} from "./sla-store.js";

export interface SweepResult {
  /** Clocks looked at in this batch. */
  claimed: number;
  warnings: number;
  breaches: number;
}

/**
 * One bounded batch in two statements whatever its size: one claims the due clocks and reads
 * what planning needs, the batch is planned in memory with the domain's pure clock and
 * breach-action rules, and one writes it all. Every warning and breach is written in the
 * transaction that records it fired: a server killed mid-batch fires nothing, and the next sweep
 * finds the same clocks still due.
 */
export async function sweepDueClocks(
  db: Database,
  now: Date,
  batchSize = DEFAULT_SWEEP_BATCH,
): Promise<SweepResult> {
  return db.transaction(async (tx) => {
    const batch = await claimBatch(tx, now, batchSize);
    if (batch.due.length === 0) return { claimed: 0, warnings: 0, breaches: 0 };
    // Only the supervisor-picking actions need each supervisor's open cases counted.
    const picking = [...batch.actions.values()].some((a) =>
      a.some((action) => action !== "raise_severity"),
    );
    if (picking) batch.supervisors = await supervisorLoads(tx);
    const plan = planBatch({ ...batch, now });
    await writePlan(tx, plan);
    return { claimed: batch.due.length, warnings: plan.warnings, breaches: plan.breaches };
  });
}

/** A case as the sweep reads it, locked; the owner's role and department pick its supervisor. */
interface SweptCase {
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

const supervisorJson = (openCases: SQL) => sql`json_build_object('id', s.id, 'agentNo', s.agent_no,
  'displayName', s.display_name, 'departmentId', s.department_id, 'openCases', ${openCases})`;
const activeSupervisors = sql`from ${users} s where s.role = 'supervisor' and s.active`;

/**
 * The batch and all its planning needs, in one statement: the due clocks claimed with FOR
 * UPDATE SKIP LOCKED (several kesu servers sweeping together each take different clocks), their
 * cases, their policies' breach actions, the calendar and the supervisors. A person acting on a
 * case holds its row: its clocks are left for the next sweep rather than waited for (commands
 * lock the case before its clocks, so waiting here could deadlock).
 */
async function claimBatch(tx: Tx, now: Date, batchSize: number) {
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
    )
    select (select json_agg(due order by due.next_event_at, due.id) from due) as due,
           (select json_agg(held) from held) as cases,
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
    actions: new Map(Object.entries((read?.actions ?? {}) as Record<string, BreachAction[]>)),
    calendar: calendarFromJson(read?.calendar, read?.days),
    supervisors: (read?.supervisors ?? []) as SupervisorLoad[],
  };
}

/** Written out so the count can read the partial index of open cases by owner. */
const finished = sql.raw(
  complaintStatuses
    .filter((s) => !isOpen(s))
    .map((s) => `'${s}'`)
    .join(", "),
);

/** The supervisors with their open cases, read only when a batch may pick a supervisor. */
async function supervisorLoads(tx: Tx): Promise<SupervisorLoad[]> {
  const openCases = sql`(select count(*) from ${complaints} c where c.owner_id = s.id
    and c.status not in (${finished}))::int`;
  const { rows } = await tx.execute<{ loads: SupervisorLoad[] | null }>(
    sql`select json_agg(${supervisorJson(openCases)} order by s.agent_no) as loads ${activeSupervisors}`,
  );
  return rows[0]?.loads ?? [];
}

interface BatchInput {
  due: ClockRow[];
  cases: Map<string, SweptCase>;
  calendar: WorkCalendar;
  actions: Map<string, BreachAction[]>;
  supervisors: SupervisorLoad[];
  now: Date;
}

/** Everything one batch writes, planned before any of it is written. */
interface BatchPlan {
  clocks: {
    id: string;
    warnedAt: Date | null;
    breachedAt: Date | null;
    nextEventAt: Date | null;
  }[];
  missedCallbacks: string[];
  cases: { id: string; severity: string; ownerId: string | null; status: string }[];
  events: EventRow[];
  notices: Notice[];
  watchers: { complaintId: string; userId: string }[];
  warnings: number;
  breaches: number;
}

/** Where a case stands while the batch is planned: a second clock of it sees the first's changes. */
interface CaseProgress {
  row: SweptCase;
  state: BreachCase;
  status: string;
  changed: boolean;
}

const person = (id: string, agentNo: string | null, name: string | null) => ({
  id,
  agentNo,
  name,
});

/** Pure: the batch's clocks at `now`, in due order, and what each warning and breach causes. */
function planBatch({ due, cases, calendar, actions, supervisors, now }: BatchInput): BatchPlan {
  const plan: BatchPlan = {
    clocks: [],
    missedCallbacks: [],
    cases: [],
    events: [],
    notices: [],
    watchers: [],
    warnings: 0,
    breaches: 0,
  };
  const progress = new Map<string, CaseProgress>();
  // Reassignment spreads the batch's cases: each one taken adds to its supervisor's load.
  const loads = supervisors.map((s) => ({ ...s }));
  const supervisorIds = supervisors.map((s) => s.id);
  const digest: DigestEntry[] = [];
  for (const row of due) {
    const found = cases.get(row.complaintId);
    if (!found) continue;
    const current =
      progress.get(found.id) ??
      ({
        row: found,
        status: found.status,
        changed: false,
        state: {
          severity: found.severity as Severity,
          ownerId: found.ownerId,
          ownerRole: found.ownerRole as Role | null,
          ownerDepartmentId: found.ownerDepartmentId,
          watcherIds: found.watcherIds,
        },
      } satisfies CaseProgress);
    progress.set(found.id, current);

    let clock = clockOf(row);
    const state = clockState(calendar, clock, now);
    const warning = clock.warnedAt === null && state.warning;
    const breach = clock.breachedAt === null && state.breached;
    if (warning) clock = markWarned(clock, now);
    if (breach) clock = markBreached(clock, now);
    plan.clocks.push({
      id: row.id,
      warnedAt: clock.warnedAt,
      breachedAt: clock.breachedAt,
      nextEventAt: nextEventAt(calendar, clock, now),
    });
    if (!warning && !breach) continue;
    plan.warnings += warning ? 1 : 0;
    plan.breaches += breach ? 1 : 0;

    const about = {
      clock: row.name,
      clockId: row.id,
      dueAt: state.dueAt.toISOString(),
      workOrderId: row.workOrderId,
      callbackId: row.callbackId,
    };
    const types = [...(warning ? ["sla_warning"] : []), ...(breach ? ["sla_breached"] : [])];
    const event = (type: string, data: Record<string, unknown>): EventRow => ({
      complaintId: found.id,
      type,
      actor: null,
      customerVisible: false,
      data,
    });
    plan.events.push(...types.map((type) => event(type, about)));
    // The owner (or the intake agent while nobody owns it) hears of it on the case; supervisors
    // in the batch's digest. A clock found past both marks at once (the servers were down) rings
    // once, for the breach: the timeline keeps both events, the bell need not announce a warning
    // already overtaken.
    const rung = types.at(-1)!;
    plan.notices.push({
      userIds: [current.state.ownerId ?? found.createdById],
      complaint: found,
      types: [rung],
      data: about,
    });
    digest.push({
      type: rung,
      complaintId: found.id,
      number: found.number,
      subject: found.subject,
      clock: row.name,
      dueAt: about.dueAt,
    });
    if (!breach) continue;
    if (row.callbackId) plan.missedCallbacks.push(row.callbackId);

    const policyActions = (row.policyId && actions.get(row.policyId)) || [];
    const view = { status: current.status as ComplaintStatus, kind: found.kind as ComplaintKind };
    const mayReassign = checkTransition(view, "assign").ok;
    const changes = breachChanges(
      policyActions.filter((a) => a !== "reassign_to_supervisor" || mayReassign),
      current.state,
      loads,
    );
    for (const change of changes) {
      plan.events.push(changeEvent(change, current, row));
      const notice = changeNotice(change, found, about);
      if (notice) plan.notices.push(notice);
      if (change.action === "add_supervisor_watcher")
        plan.watchers.push({ complaintId: found.id, userId: change.to.id });
      if (change.action === "reassign_to_supervisor") {
        current.status = statusAfter(view, "assign");
        const to = loads.find((s) => s.id === change.to.id)!;
        to.openCases++;
      }
    }
    current.state = afterChanges(current.state, changes);
    // A watcher is no field of the case: its version stays.
    current.changed ||= changes.some((c) => c.action !== "add_supervisor_watcher");
  }
  if (digest.length > 0 && supervisorIds.length > 0)
    plan.notices.push(digestNotice(supervisorIds, digest));
  for (const { row, state, status, changed } of progress.values())
    if (changed)
      plan.cases.push({ id: row.id, severity: state.severity, ownerId: state.ownerId, status });
  return plan;
}

/** A case in a supervisor's digest: which mark it crossed, on which clock. */
interface DigestEntry {
  type: string;
  complaintId: string;
  number: string;
  subject: string;
  clock: string;
  dueAt: string;
}

/** How many cases a digest lists by name; the counts cover them all. */
const DIGEST_LISTS = 20;

/**
 * One bell entry (and mail) per supervisor per batch instead of one per case: a supervisor
 * over hundreds of agents is told what crossed a mark without a ping for each case, and a batch
 * writes one row per supervisor rather than one per supervisor and case.
 */
function digestNotice(supervisorIds: string[], entries: DigestEntry[]): Notice {
  const count = (type: string) => entries.filter((e) => e.type === type).length;
  return {
    userIds: supervisorIds,
    complaint: null,
    types: ["sla_digest"],
    data: {
      warnings: count("sla_warning"),
      breaches: count("sla_breached"),
      cases: entries.slice(0, DIGEST_LISTS),
      more: Math.max(0, entries.length - DIGEST_LISTS),
    },
  };
}

/** The timeline's record of a breach action: agents see it, the customer does not. */
function changeEvent(change: BreachChange, current: CaseProgress, row: ClockRow): EventRow {
  const base = { complaintId: current.row.id, actor: null, customerVisible: false };
  if (change.action === "raise_severity") {
    return {
      ...base,
      type: "updated",
      data: {
        before: { severity: change.from },
        after: { severity: change.to },
        reason: "sla_breached",
      },
    };
  }
  if (change.action === "add_supervisor_watcher") {
    return {
      ...base,
      type: "watcher_added",
      data: {
        watcher: person(change.to.id, change.to.agentNo, change.to.displayName),
        reason: "sla_breached",
        clock: row.name,
        clockId: row.id,
      },
    };
  }
  // Only a case not yet owned by a supervisor is reassigned, so `from` is the owner it was read with.
  const found = current.row;
  const from = change.from && person(change.from, found.ownerAgentNo, found.ownerName);
  return {
    ...base,
    type: "sla_reassigned",
    data: {
      from,
      to: person(change.to.id, change.to.agentNo, change.to.displayName),
      // As an assignment reads it, so queues and reports need no second case.
      ownerId: change.to.id,
      previousOwnerId: change.from,
      clock: row.name,
      clockId: row.id,
      reason: "sla_breached",
    },
  };
}

/** Who hears of a breach action: the new watcher; the old and the new owner. */
function changeNotice(
  change: BreachChange,
  found: SweptCase,
  about: Record<string, unknown>,
): Notice | null {
  if (change.action === "raise_severity") return null;
  if (change.action === "add_supervisor_watcher")
    return { userIds: [change.to.id], complaint: found, types: ["watcher_added"], data: about };
  return {
    userIds: [...(change.from ? [change.from] : []), change.to.id],
    complaint: found,
    types: ["sla_reassigned"],
    data: { ...about, ownerId: change.to.id, previousOwnerId: change.from },
  };
}

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

/**
 * The plan in one statement: clock records, callbacks missed, case changes, watchers added,
 * timeline events (with webhook deliveries) and notifications (with mail), each a part of one WITH.
 */
async function writePlan(tx: Tx, plan: BatchPlan) {
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
  await runWrites(tx, [...parts, ...eventWrites(plan.events), ...noticeWrites(plan.notices)]);
}
