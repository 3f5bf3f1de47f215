import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import {
  complaints,
  customers,
  qualityCaseComplaints,
  qualityCaseEvents,
  qualityCaseSteps,
  qualityCases,
  users,
} from "../../db/schema.js";
import { canSeePersonalData } from "../../domain/access/roles.js";
import {
  type D1Data,
  type Discipline,
  disciplines,
  disciplineTitles,
} from "../../domain/quality/disciplines.js";
import {
  mayDecideQualityStep,
  mayEditQualityCase,
  mayLinkComplaints,
} from "../../domain/quality/quality-policy.js";
import {
  checkStep,
  currentStep,
  type StepCommand,
  type StepStatus,
} from "../../domain/quality/steps.js";
import type { Caller } from "../http/app-types.js";
import type { QualityCaseDto } from "./quality-case.schemas.js";
import { caseWithSteps, type StepRow, teamOf } from "./quality-case.store.js";
import { evidenceOf } from "./quality-evidence.js";

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
        allowedActions: [
          ...(["edit", "submit", "approve", "send_back"] as const).filter(mayAct),
          // 催办: whoever decides the step may press its owner while it is not yet approved.
          ...(allowed.decide && row.status === "open" && s.status !== "approved"
            ? (["remind"] as const)
            : []),
        ],
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
    evidence: await evidenceOf(db, id, caller),
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
