import type { Role } from "../../domain/access/roles.js";
import {
  type ComplaintKind,
  type ComplaintStatus,
  checkTransition,
  statusAfter,
} from "../../domain/complaint/complaint-lifecycle.js";
import { disciplineOfClock } from "../../domain/quality/due-dates.js";
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
import type { EventRow } from "../../server/case/timeline.js";
import type { Notice } from "../../server/notifications/notify.js";
import { type ClockRow, clockOf } from "../../server/sla/sla-store.js";
import type { SweptCase, SweptQualityCase } from "./claim-batch.js";

export interface BatchInput {
  due: ClockRow[];
  cases: Map<string, SweptCase>;
  /** The 8Ds of the batch's discipline clocks. */
  qualityCases?: Map<string, SweptQualityCase>;
  calendar: WorkCalendar;
  actions: Map<string, BreachAction[]>;
  supervisors: SupervisorLoad[];
  now: Date;
}

/** Everything one batch writes, planned before any of it is written. */
export interface BatchPlan {
  clocks: {
    id: string;
    warnedAt: Date | null;
    breachedAt: Date | null;
    nextEventAt: Date | null;
  }[];
  missedCallbacks: string[];
  cases: { id: string; severity: string; ownerId: string | null; status: string }[];
  events: EventRow[];
  /** Warnings and breaches on 8D discipline clocks, for the 8D's own timeline. */
  qualityEvents: QualityEventRow[];
  notices: Notice[];
  watchers: { complaintId: string; userId: string }[];
  /** Cases whose follow-up visit is near: the customer is told to expect the call (回访预告). */
  followUpNotices: { complaintId: string; dueAt: Date }[];
  warnings: number;
  breaches: number;
}

export interface QualityEventRow {
  caseId: string;
  type: string;
  discipline: string | null;
  data: Record<string, unknown>;
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
export function planBatch({
  due,
  cases,
  qualityCases = new Map(),
  calendar,
  actions,
  supervisors,
  now,
}: BatchInput): BatchPlan {
  const plan: BatchPlan = {
    clocks: [],
    missedCallbacks: [],
    cases: [],
    events: [],
    qualityEvents: [],
    notices: [],
    watchers: [],
    followUpNotices: [],
    warnings: 0,
    breaches: 0,
  };
  const progress = new Map<string, CaseProgress>();
  // Reassignment spreads the batch's cases: each one taken adds to its supervisor's load.
  const loads = supervisors.map((s) => ({ ...s }));
  const supervisorIds = supervisors.map((s) => s.id);
  const digest: DigestEntry[] = [];
  for (const row of due) {
    if (row.qualityCaseId) {
      planQualityClock(plan, row, qualityCases.get(row.qualityCaseId), calendar, now);
      continue;
    }
    const found = row.complaintId ? cases.get(row.complaintId) : undefined;
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

    const { state, warning, breach } = stepClock(plan, row, calendar, now);
    if (!warning && !breach) continue;
    plan.warnings += warning ? 1 : 0;
    plan.breaches += breach ? 1 : 0;

    const about = {
      clock: row.name,
      clockId: row.id,
      dueAt: state.dueAt.toISOString(),
      workOrderId: row.workOrderId,
      callbackId: row.callbackId,
      remedyId: row.remedyId,
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
    if (!breach) {
      if (row.name === "followUp")
        plan.followUpNotices.push({ complaintId: found.id, dueAt: state.dueAt });
      continue;
    }
    if (row.callbackId) plan.missedCallbacks.push(row.callbackId);

    const policyActions = (row.policyId && actions.get(row.policyId)) || [];
    const lifecycle = {
      status: current.status as ComplaintStatus,
      kind: found.kind as ComplaintKind,
    };
    const mayReassign = checkTransition(lifecycle, "assign").ok;
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
        current.status = statusAfter(lifecycle, "assign");
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

/** Marks a clock warned or breached when it has just become so, and plans its next event. */
function stepClock(plan: BatchPlan, row: ClockRow, calendar: WorkCalendar, now: Date) {
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
  return { state, warning, breach };
}

/**
 * An 8D discipline's clock: its warning or breach goes on the 8D's timeline and to the step's
 * owner and the champion (the opener while there is no champion). No breach actions: an 8D has
 * no severity or owner to change, and its champion chases (催办) the team.
 */
function planQualityClock(
  plan: BatchPlan,
  row: ClockRow,
  found: SweptQualityCase | undefined,
  calendar: WorkCalendar,
  now: Date,
) {
  const { state, warning, breach } = stepClock(plan, row, calendar, now);
  if (!found || (!warning && !breach)) return;
  plan.warnings += warning ? 1 : 0;
  plan.breaches += breach ? 1 : 0;
  const discipline = disciplineOfClock(row.name);
  const about = {
    clock: row.name,
    clockId: row.id,
    dueAt: state.dueAt.toISOString(),
    discipline,
    qualityCaseId: found.id,
    number: found.number,
    subject: found.title,
  };
  const types = [...(warning ? ["sla_warning"] : []), ...(breach ? ["sla_breached"] : [])];
  for (const type of types)
    plan.qualityEvents.push({ caseId: found.id, type, discipline, data: about });
  const owner = discipline ? found.owners[discipline] : null;
  plan.notices.push({
    userIds: [
      ...new Set([owner, found.championId ?? found.openedById].filter((id) => id !== null)),
    ] as string[],
    complaint: null,
    types: [types.at(-1)!],
    data: about,
  });
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
