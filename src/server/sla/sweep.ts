import { and, asc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { callbacks, complaints, slaClocks, slaPolicies, users } from "../../db/schema.js";
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
import { type EventRow, type Notice, notifyMany, recordEvents } from "../notifications/notify.js";
import { type ClockRow, clockOf, loadCalendar } from "./sla-store.js";

export interface SweepResult {
  /** Clocks looked at in this batch. */
  claimed: number;
  warnings: number;
  breaches: number;
}

/**
 * One bounded batch, in a constant number of statements whatever its size: the due clocks are
 * claimed with FOR UPDATE SKIP LOCKED (several kesu servers sweeping together each take
 * different clocks), their cases locked the same way, the batch planned in memory with the
 * domain's pure clock and breach-action rules, then written set-wise: clock records, callbacks
 * missed, case changes, timeline events (with webhook deliveries), notifications (with mail).
 * Every warning and breach is written in the transaction that records it fired: a server killed
 * mid-batch fires nothing, and the next sweep finds the same clocks still due.
 */
export async function sweepDueClocks(
  db: Database,
  now: Date,
  batchSize = 200,
): Promise<SweepResult> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(slaClocks)
      .where(and(isNotNull(slaClocks.nextEventAt), lte(slaClocks.nextEventAt, now)))
      .orderBy(asc(slaClocks.nextEventAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return { claimed: 0, warnings: 0, breaches: 0 };
    const cases = await lockCases(tx, [...new Set(due.map((c) => c.complaintId))]);
    const calendar = await loadCalendar(tx);
    const actions = await breachActionsOf(tx, due);
    const reassigning = [...actions.values()].some((a) => a.includes("reassign_to_supervisor"));
    const supervisors = await loadSupervisors(tx, reassigning);
    const plan = planBatch({ due, cases, calendar, actions, supervisors, now });
    await writePlan(tx, plan);
    return { claimed: due.length, warnings: plan.warnings, breaches: plan.breaches };
  });
}

/** A case as the sweep reads it, locked; the owner's role and department decide reassignment. */
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
}

/**
 * The cases of the claimed clocks. A person acting on a case holds its row: its clocks are left
 * for the next sweep rather than waited for (commands lock the case before its clocks, so
 * waiting here could deadlock).
 */
async function lockCases(tx: Tx, ids: string[]): Promise<Map<string, SweptCase>> {
  const rows = await tx
    .select({
      id: complaints.id,
      number: complaints.number,
      subject: complaints.subject,
      kind: complaints.kind,
      status: complaints.status,
      severity: complaints.severity,
      ownerId: complaints.ownerId,
      createdById: complaints.createdById,
      ownerRole: users.role,
      ownerDepartmentId: users.departmentId,
      ownerAgentNo: users.agentNo,
      ownerName: users.displayName,
    })
    .from(complaints)
    .leftJoin(users, eq(users.id, complaints.ownerId))
    .where(inArray(complaints.id, ids))
    .for("update", { of: complaints, skipLocked: true });
  return new Map(rows.map((r) => [r.id, r]));
}

/** The breach actions of the policies the claimed clocks started from. */
async function breachActionsOf(tx: Tx, due: ClockRow[]) {
  const ids = [...new Set(due.flatMap((c) => (c.policyId ? [c.policyId] : [])))];
  const rows = ids.length
    ? await tx
        .select({ id: slaPolicies.id, actions: slaPolicies.actionsOnBreach })
        .from(slaPolicies)
        .where(inArray(slaPolicies.id, ids))
    : [];
  return new Map(rows.map((r) => [r.id, r.actions as BreachAction[]]));
}

const finished = complaintStatuses.filter((s) => !isOpen(s));

/**
 * Every active supervisor: each is told of every warning and breach. Their open cases are
 * counted only when the batch may reassign (the count reads the owner index per supervisor).
 */
async function loadSupervisors(tx: Tx, withLoad: boolean): Promise<SupervisorLoad[]> {
  // Spelt out: inside a one-table select drizzle would print the outer column unqualified.
  const openCases = withLoad
    ? sql<number>`(select count(*) from complaints c where c.owner_id = users.id
        and c.status not in (${sql.join(
          finished.map((s) => sql`${s}`),
          sql`, `,
        )}))::int`
    : sql<number>`0`;
  return tx
    .select({
      id: users.id,
      agentNo: users.agentNo,
      displayName: users.displayName,
      departmentId: users.departmentId,
      openCases,
    })
    .from(users)
    .where(and(eq(users.role, "supervisor"), eq(users.active, true)))
    .orderBy(asc(users.agentNo));
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
    warnings: 0,
    breaches: 0,
  };
  const progress = new Map<string, CaseProgress>();
  // Reassignment spreads the batch's cases: each one taken adds to its supervisor's load.
  const loads = supervisors.map((s) => ({ ...s }));
  const supervisorIds = supervisors.map((s) => s.id);
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
    // The owner (or the intake agent while nobody owns it) and every active supervisor. A clock
    // found past both marks at once (the servers were down) rings once, for the breach: the
    // timeline keeps both events, the bell need not announce a warning already overtaken.
    plan.notices.push({
      userIds: [current.state.ownerId ?? found.createdById, ...supervisorIds],
      complaint: found,
      types: types.slice(-1),
      data: about,
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
      if (change.action === "reassign_to_supervisor") {
        current.status = statusAfter(view, "assign");
        const to = loads.find((s) => s.id === change.to.id)!;
        to.openCases++;
        plan.notices.push({
          userIds: [...(change.from ? [change.from] : []), change.to.id],
          complaint: found,
          types: ["sla_reassigned"],
          data: { ...about, ownerId: change.to.id, previousOwnerId: change.from },
        });
      }
    }
    if (changes.length > 0) {
      current.state = afterChanges(current.state, changes);
      current.changed = true;
    }
  }
  for (const { row, state, status, changed } of progress.values())
    if (changed)
      plan.cases.push({ id: row.id, severity: state.severity, ownerId: state.ownerId, status });
  return plan;
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

const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

/** The plan in a fixed number of set-wise statements. */
async function writePlan(tx: Tx, plan: BatchPlan) {
  if (plan.clocks.length === 0) return; // every case was held by someone: all left for later
  await tx.execute(sql`
    update sla_clocks c
    set warned_at = (v->>'warnedAt')::timestamptz,
        breached_at = (v->>'breachedAt')::timestamptz,
        next_event_at = (v->>'nextEventAt')::timestamptz
    from jsonb_array_elements(${json(plan.clocks)}) v
    where c.id = (v->>'id')::uuid`);
  if (plan.missedCallbacks.length > 0)
    await tx
      .update(callbacks)
      .set({ status: "missed" })
      .where(inArray(callbacks.id, plan.missedCallbacks));
  if (plan.cases.length > 0)
    await tx.execute(sql`
      update complaints c
      set severity = v->>'severity', owner_id = (v->>'ownerId')::uuid, status = v->>'status',
          version = c.version + 1, updated_at = now()
      from jsonb_array_elements(${json(plan.cases)}) v
      where c.id = (v->>'id')::uuid`);
  await recordEvents(tx, plan.events);
  await notifyMany(tx, plan.notices);
}
