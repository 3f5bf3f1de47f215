import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import {
  complaints,
  customers,
  qualityCaseComplaints,
  qualityCaseCounters,
  qualityCaseEvents,
  qualityCaseSteps,
  qualityCases,
  qualityDuePolicies,
  slaClocks,
  users,
} from "../../db/schema.js";
import { canSeePersonalData } from "../../domain/access/roles.js";
import { complaintStatuses, isOpen } from "../../domain/complaint/complaint-lifecycle.js";
import {
  type D1Data,
  type Discipline,
  disciplines,
  disciplineTitles,
  emptyData,
} from "../../domain/quality/disciplines.js";
import {
  disciplineDueDates,
  QUALITY_WARN_AT_SHARE,
  qualityClockName,
  withDefaults,
} from "../../domain/quality/due-dates.js";
import { fixReplyTemplate } from "../../domain/quality/fix-reply.js";
import { qualityCaseNumber } from "../../domain/quality/numbering.js";
import {
  canOpenQualityCases,
  mayDecideQualityStep,
  mayEditQualityCase,
  mayLinkComplaints,
  type QualityTeam,
} from "../../domain/quality/quality-policy.js";
import {
  checkStep,
  currentStep,
  type StepCommand,
  type StepStatus,
} from "../../domain/quality/steps.js";
import { nextEventAt as clockNextEventAt, startClock } from "../../domain/sla/clock.js";
import { appendTimeline } from "../case/timeline.js";
import { readVisibleComplaint } from "../case/visible-complaint.js";
import { AppError, forbidden, notFound, versionConflict } from "../http/app-error.js";
import type { Acting, Caller } from "../http/app-types.js";
import { notifyMany } from "../notifications/notify.js";
import { loadCalendar } from "../sla/sla-store.js";
import type { OpenBody, QualityCaseDto } from "./quality-case.schemas.js";

type CaseRow = typeof qualityCases.$inferSelect;
type StepRow = typeof qualityCaseSteps.$inferSelect;

const finished = complaintStatuses.filter((s) => !isOpen(s));

export async function duePolicy(db: Database | Tx) {
  const [row] = await db
    .select()
    .from(qualityDuePolicies)
    .where(eq(qualityDuePolicies.id, "default"));
  return withDefaults(row?.targets as never);
}

function teamOf(row: CaseRow, steps: StepRow[]): QualityTeam {
  const d1 = steps.find((s) => s.discipline === "d1")?.data as Partial<D1Data> | undefined;
  return {
    openedById: row.openedById,
    memberIds: (d1?.members ?? []).map((m) => m.userId),
    ownerIds: steps.map((s) => s.ownerId),
    championId: d1?.championId ?? null,
  };
}

/** The case and its steps; locked for a change. */
async function caseWithSteps(db: Database | Tx, id: string, lock: boolean) {
  const query = db.select().from(qualityCases).where(eq(qualityCases.id, id));
  const [row] = await (lock ? query.for("update") : query);
  if (!row) throw notFound("quality_case");
  const steps = await db
    .select()
    .from(qualityCaseSteps)
    .where(eq(qualityCaseSteps.caseId, id))
    .orderBy(asc(qualityCaseSteps.discipline));
  return { row, steps };
}

async function addEvents(
  tx: Tx,
  caller: Caller | null,
  caseId: string,
  events: { type: string; discipline?: Discipline | null; data?: Record<string, unknown> }[],
) {
  if (events.length === 0) return;
  await tx.insert(qualityCaseEvents).values(
    events.map((e) => ({
      caseId,
      type: e.type,
      discipline: e.discipline ?? null,
      actorId: caller?.id ?? null,
      actorAgentNo: caller?.agentNo ?? null,
      actorName: caller?.displayName ?? null,
      data: e.data ?? {},
    })),
  );
}

/** Links complaints the caller can see; each complaint's timeline records it too. */
async function link(acting: Acting & { tx: Tx }, row: CaseRow, complaintIds: string[]) {
  const { tx, caller, db } = acting;
  const ids = [...new Set(complaintIds)];
  for (const id of ids) await readVisibleComplaint(db, caller, id);
  if (ids.length === 0) return;
  const taken = await tx
    .select({
      complaintId: qualityCaseComplaints.complaintId,
      number: qualityCases.number,
      caseId: qualityCases.id,
      complaintNumber: complaints.number,
    })
    .from(qualityCaseComplaints)
    .innerJoin(qualityCases, eq(qualityCases.id, qualityCaseComplaints.caseId))
    .innerJoin(complaints, eq(complaints.id, qualityCaseComplaints.complaintId))
    .where(inArray(qualityCaseComplaints.complaintId, ids));
  const elsewhere = taken.find((t) => t.caseId !== row.id);
  if (elsewhere)
    throw new AppError("complaint_in_quality_case", {
      complaint: elsewhere.complaintNumber,
      number: elsewhere.number,
    });
  const fresh = ids.filter((id) => !taken.some((t) => t.complaintId === id));
  if (fresh.length === 0) return;
  const inserted = await tx
    .insert(qualityCaseComplaints)
    .values(fresh.map((complaintId) => ({ caseId: row.id, complaintId, linkedById: caller.id })))
    .onConflictDoNothing()
    .returning({ complaintId: qualityCaseComplaints.complaintId });
  if (inserted.length !== fresh.length) throw new AppError("write_conflict"); // linked to another 8D at the same moment
  const numbers = await tx
    .select({ id: complaints.id, number: complaints.number })
    .from(complaints)
    .where(inArray(complaints.id, fresh));
  await addEvents(tx, caller, row.id, [
    { type: "complaints_linked", data: { complaints: numbers } },
  ]);
  for (const complaintId of fresh)
    await appendTimeline(tx, caller, complaintId, [
      {
        type: "quality_case_linked",
        data: { qualityCaseId: row.id, number: row.number, title: row.title },
      },
    ]);
}

export async function openQualityCase(acting: Acting, body: OpenBody): Promise<string> {
  const { db, caller } = acting;
  if (!canOpenQualityCases(caller.role)) throw forbidden();
  return db.transaction(async (tx) => {
    const now = acting.clock.now();
    const year = Number(
      new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(now),
    );
    const [counter] = await tx
      .insert(qualityCaseCounters)
      .values({ year, last: 1 })
      .onConflictDoUpdate({
        target: qualityCaseCounters.year,
        set: { last: sql`${qualityCaseCounters.last} + 1` },
      })
      .returning();
    const [row] = await tx
      .insert(qualityCases)
      .values({
        number: qualityCaseNumber(year, counter!.last),
        title: body.title,
        product: body.product,
        model: body.model ?? null,
        batch: body.batch ?? null,
        serials: body.serials,
        openedById: caller.id,
        createdAt: now,
      })
      .returning();
    const calendar = await loadCalendar(tx);
    const policy = await duePolicy(tx);
    const due = disciplineDueDates(calendar, now, policy);
    await tx.insert(qualityCaseSteps).values(
      disciplines.map((d) => ({
        caseId: row!.id,
        discipline: d,
        data: emptyData[d],
        ownerId: caller.id,
        dueAt: due[d],
        updatedAt: now,
      })),
    );
    await tx.insert(slaClocks).values(
      disciplines.map((d) => {
        const clock = startClock(calendar, now, policy[d], { warnAtShare: QUALITY_WARN_AT_SHARE });
        return {
          qualityCaseId: row!.id,
          name: qualityClockName(d),
          startedAt: now,
          target: policy[d],
          dueAt: clock.dueAt,
          warnAtShare: QUALITY_WARN_AT_SHARE,
          nextEventAt: clockNextEventAt(calendar, clock, now),
        };
      }),
    );
    await addEvents(tx, caller, row!.id, [{ type: "opened", data: { number: row!.number } }]);
    await link({ ...acting, tx }, row!, body.complaintIds);
    return row!.id;
  });
}

export async function linkComplaints(acting: Acting, id: string, complaintIds: string[]) {
  await acting.db.transaction(async (tx) => {
    const { row, steps } = await caseWithSteps(tx, id, true);
    const decision = mayLinkComplaints(acting.caller, teamOf(row, steps));
    if (!decision.ok) throw forbidden(decision.reason);
    await link({ ...acting, tx }, row, complaintIds);
  });
}

export interface StepChange {
  command: StepCommand;
  version: number;
  data?: Record<string, unknown>;
  ownerId?: string | null;
  comment?: string;
}

const stepCodes = {
  step_not_editable: "step_not_editable",
  step_not_submitted: "step_not_submitted",
  step_waiting: "step_waiting",
  step_incomplete: "step_incomplete",
} as const;

/** Edit, submit, approve or send back one discipline, on the version the caller read. */
export async function changeStep(
  acting: Acting,
  id: string,
  discipline: Discipline,
  change: StepChange,
) {
  const { db, caller } = acting;
  await db.transaction(async (tx) => {
    const { row, steps } = await caseWithSteps(tx, id, true);
    const team = teamOf(row, steps);
    const decision =
      change.command === "approve" || change.command === "send_back"
        ? mayDecideQualityStep(caller, team)
        : mayEditQualityCase(caller, team);
    if (!decision.ok) throw forbidden(decision.reason);
    const step = steps.find((s) => s.discipline === discipline)!;
    if (step.version !== change.version) throw versionConflict(step.version, "quality_step");
    const views = Object.fromEntries(
      steps.map((s) => [s.discipline, { status: s.status, data: s.data }]),
    );
    const checked = checkStep(discipline, change.command, views as never, change.comment);
    const stepName = disciplineTitles[discipline].zh;
    if (!checked.ok) {
      if (checked.reason === "comment_required") throw new AppError("validation_failed"); // the body's schema requires it already
      throw new AppError(
        stepCodes[checked.reason],
        {
          step: stepName,
          waitingFor: (checked.waitingFor ?? []).map((d) => d.toUpperCase()).join("、"),
          missing: (checked.missing ?? []).join("、"),
        },
        { waitingFor: checked.waitingFor, missing: checked.missing },
      );
    }
    const now = acting.clock.now();
    const set: Partial<StepRow> = {
      status: checked.status,
      version: step.version + 1,
      updatedById: caller.id,
      updatedAt: now,
    };
    if (change.command === "edit") {
      set.data = change.data ?? step.data;
      if (change.ownerId !== undefined) set.ownerId = change.ownerId;
    }
    if (change.command === "submit")
      Object.assign(set, { submittedById: caller.id, submittedAt: now });
    if (change.command === "approve")
      Object.assign(set, { approvedById: caller.id, approvedAt: now });
    if (change.command === "send_back") set.sentBackComment = change.comment!.trim();
    await tx
      .update(qualityCaseSteps)
      .set(set)
      .where(and(eq(qualityCaseSteps.caseId, id), eq(qualityCaseSteps.discipline, discipline)));
    const type = {
      edit: "step_saved",
      submit: "step_submitted",
      approve: "step_approved",
      send_back: "step_sent_back",
    }[change.command];
    await addEvents(tx, caller, id, [
      {
        type,
        discipline,
        data: change.command === "send_back" ? { comment: set.sentBackComment } : {},
      },
    ]);
    if (change.command !== "approve") return;
    // The discipline is done: its clock stops.
    await tx
      .update(slaClocks)
      .set({ stoppedAt: now, nextEventAt: null })
      .where(
        and(eq(slaClocks.qualityCaseId, id), eq(slaClocks.name, qualityClockName(discipline))),
      );
    if (discipline === "d8") {
      await tx
        .update(qualityCases)
        .set({ status: "closed", closedAt: now })
        .where(eq(qualityCases.id, id));
      await addEvents(tx, caller, id, [{ type: "closed" }]);
    }
    if (discipline === "d6") await tellOwnersToReply(tx, caller, row, steps);
  });
}

/** D6 approved: every linked complaint still open goes back to its owner to reply, the fix offered. */
async function tellOwnersToReply(tx: Tx, caller: Caller, row: CaseRow, steps: StepRow[]) {
  const open = await tx
    .select({
      id: complaints.id,
      number: complaints.number,
      subject: complaints.subject,
      ownerId: complaints.ownerId,
      createdById: complaints.createdById,
    })
    .from(qualityCaseComplaints)
    .innerJoin(complaints, eq(complaints.id, qualityCaseComplaints.complaintId))
    .where(and(eq(qualityCaseComplaints.caseId, row.id), notInArray(complaints.status, finished)));
  if (open.length === 0) return;
  const data = (d: Discipline) => steps.find((s) => s.discipline === d)!.data as never;
  const replyTemplate = fixReplyTemplate({
    number: row.number,
    product: row.product,
    model: row.model,
    d4: data("d4"),
    d5: data("d5"),
    d6: data("d6"),
  });
  const about = { qualityCaseId: row.id, qualityCaseNumber: row.number, replyTemplate };
  await notifyMany(
    tx,
    open.map((c) => ({
      userIds: [c.ownerId ?? c.createdById],
      complaint: c,
      types: ["quality_fix_verified"],
      data: about,
    })),
  );
  for (const c of open)
    await appendTimeline(tx, caller, c.id, [{ type: "quality_fix_verified", data: about }]);
  await addEvents(tx, caller, row.id, [
    {
      type: "owners_told_to_reply",
      discipline: "d6",
      data: { complaints: open.map((c) => c.number) },
    },
  ]);
}

const personJson = (column: unknown) =>
  sql<{
    id: string;
    agentNo: string;
    name: string;
  } | null>`(select json_build_object('id', u.id, 'agentNo', u.agent_no, 'name', u.display_name) from ${users} u where u.id = ${column})`;

const statusOf = (steps: StepRow[]) =>
  Object.fromEntries(steps.map((s) => [s.discipline, s.status])) as Record<Discipline, StepStatus>;

export async function loadQualityCase(
  db: Database | Tx,
  id: string,
  caller: Caller,
): Promise<QualityCaseDto> {
  const { row, steps } = await caseWithSteps(db, id, false);
  const people = new Map<string, { id: string; agentNo: string; name: string }>();
  const ids = [
    row.openedById,
    ...steps.flatMap((s) => [s.ownerId, s.submittedById, s.approvedById]),
  ].filter((x): x is string => !!x);
  if (ids.length > 0)
    for (const u of await db
      .select({ id: users.id, agentNo: users.agentNo, name: users.displayName })
      .from(users)
      .where(inArray(users.id, [...new Set(ids)])))
      people.set(u.id, u);
  const who = (userId: string | null) => (userId ? (people.get(userId) ?? null) : null);
  const linked = await db
    .select({
      id: complaints.id,
      number: complaints.number,
      subject: complaints.subject,
      status: complaints.status,
      customerName: customers.name,
      owner: personJson(complaints.ownerId),
      linkedAt: qualityCaseComplaints.linkedAt,
    })
    .from(qualityCaseComplaints)
    .innerJoin(complaints, eq(complaints.id, qualityCaseComplaints.complaintId))
    .leftJoin(customers, eq(customers.id, complaints.customerId))
    .where(eq(qualityCaseComplaints.caseId, id))
    .orderBy(asc(qualityCaseComplaints.linkedAt), asc(complaints.number));
  const events = await db
    .select()
    .from(qualityCaseEvents)
    .where(eq(qualityCaseEvents.caseId, id))
    .orderBy(asc(qualityCaseEvents.id));
  const team = teamOf(row, steps);
  const allowed = {
    edit: mayEditQualityCase(caller, team).ok,
    decide: mayDecideQualityStep(caller, team).ok,
    link: mayLinkComplaints(caller, team).ok,
  };
  const now = new Date();
  const views = Object.fromEntries(
    steps.map((s) => [s.discipline, { status: s.status, data: s.data }]),
  );
  const personal = canSeePersonalData(caller.role);
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    product: row.product,
    model: row.model,
    batch: row.batch,
    serials: row.serials,
    status: row.status as "open" | "closed",
    currentStep: currentStep(statusOf(steps)),
    openedBy: who(row.openedById),
    createdAt: row.createdAt,
    closedAt: row.closedAt,
    steps: disciplines.map((d) => {
      const s = steps.find((step) => step.discipline === d)!;
      const mayAct = (command: StepCommand) =>
        (command === "approve" || command === "send_back" ? allowed.decide : allowed.edit) &&
        checkStep(d, command, views as never, "—").ok;
      return {
        discipline: d,
        title: disciplineTitles[d].zh,
        status: s.status,
        data: s.data as Record<string, unknown>,
        version: s.version,
        owner: who(s.ownerId),
        dueAt: s.dueAt,
        overdue: s.status !== "approved" && s.dueAt < now,
        updatedAt: s.updatedAt,
        submittedBy: who(s.submittedById),
        submittedAt: s.submittedAt,
        approvedBy: who(s.approvedById),
        approvedAt: s.approvedAt,
        sentBackComment: s.sentBackComment,
        allowedActions: (["edit", "submit", "approve", "send_back"] as const).filter(mayAct),
      };
    }),
    complaints: linked.map((c) => ({ ...c, customerName: personal ? c.customerName : null })),
    timeline: events.map((e) => ({
      id: e.id,
      type: e.type,
      discipline: e.discipline,
      at: e.at,
      actor: { id: e.actorId, agentNo: e.actorAgentNo, name: e.actorName },
      data: e.data as Record<string, unknown>,
    })),
    allowed,
  };
}

/** The 质量8D board: cases by their current step, overdue first, then by due date. */
export async function listQualityCases(db: Database, status: "open" | "closed" | "all") {
  const rows = await db
    .select({
      id: qualityCases.id,
      number: qualityCases.number,
      title: qualityCases.title,
      product: qualityCases.product,
      model: qualityCases.model,
      status: qualityCases.status,
      createdAt: qualityCases.createdAt,
      steps: sql<
        { discipline: Discipline; status: StepStatus; dueAt: string }[]
      >`(select json_agg(json_build_object('discipline', s.discipline, 'status', s.status, 'dueAt', s.due_at)) from ${qualityCaseSteps} s where s.case_id = ${qualityCases.id})`,
      complaints: sql<number>`(select count(*)::int from ${qualityCaseComplaints} l where l.case_id = ${qualityCases.id})`,
    })
    .from(qualityCases)
    .where(status === "all" ? undefined : eq(qualityCases.status, status))
    .orderBy(asc(qualityCases.createdAt))
    .limit(500);
  const now = new Date();
  const items = rows.map((r) => {
    const steps = r.steps ?? [];
    const current = currentStep(
      Object.fromEntries(steps.map((s) => [s.discipline, s.status])) as Record<
        Discipline,
        StepStatus
      >,
    );
    const dueAt = current ? new Date(steps.find((s) => s.discipline === current)!.dueAt) : null;
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      product: r.product,
      model: r.model,
      status: r.status as "open" | "closed",
      currentStep: current,
      dueAt,
      overdue: steps.some((s) => s.status !== "approved" && new Date(s.dueAt) < now),
      complaints: r.complaints,
      createdAt: r.createdAt,
    };
  });
  items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) -
        (b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY),
  );
  return { items };
}

/** What a complaint's own page shows of its 8D: the number and the current step. */
export const complaintQualityCaseJson = (complaintId: unknown) => sql<{
  id: string;
  number: string;
  title: string;
  status: string;
  statuses: Record<Discipline, StepStatus>;
} | null>`(select json_build_object('id', q.id, 'number', q.number, 'title', q.title, 'status', q.status,
    'statuses', (select json_object_agg(s.discipline, s.status) from ${qualityCaseSteps} s where s.case_id = q.id))
  from ${qualityCaseComplaints} l join ${qualityCases} q on q.id = l.case_id where l.complaint_id = ${complaintId})`;

/** Display names (with agent numbers) of the people D1 lists, for the report. */
export async function teamNames(db: Database, c: QualityCaseDto): Promise<Map<string, string>> {
  const d1 = c.steps.find((s) => s.discipline === "d1")?.data as Partial<D1Data> | undefined;
  const ids = (d1?.members ?? []).map((m) => m.userId).filter((id) => /^[0-9a-f-]{36}$/.test(id));
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, agentNo: users.agentNo, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((u) => [u.id, `${u.name}（${u.agentNo}）`]));
}
