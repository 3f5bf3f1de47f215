import { asc, eq, inArray } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import {
  complaints,
  qualityCaseComplaints,
  qualityCaseEvents,
  qualityCaseSteps,
  qualityCases,
  qualityDuePolicies,
} from "../../db/schema.js";
import type { D1Data, Discipline } from "../../domain/quality/disciplines.js";
import { withDefaults } from "../../domain/quality/due-dates.js";
import type { QualityTeam } from "../../domain/quality/quality-policy.js";
import { appendTimeline } from "../case/timeline.js";
import { readVisibleComplaint } from "../case/visible-complaint.js";
import { AppError, notFound } from "../http/app-error.js";
import type { Acting, Caller } from "../http/app-types.js";

export type CaseRow = typeof qualityCases.$inferSelect;
export type StepRow = typeof qualityCaseSteps.$inferSelect;

export async function duePolicy(db: Database | Tx) {
  const [row] = await db
    .select()
    .from(qualityDuePolicies)
    .where(eq(qualityDuePolicies.id, "default"));
  return withDefaults(row?.targets as never);
}

export function teamOf(row: CaseRow, steps: StepRow[]): QualityTeam {
  const d1 = steps.find((s) => s.discipline === "d1")?.data as Partial<D1Data> | undefined;
  return {
    openedById: row.openedById,
    memberIds: (d1?.members ?? []).map((m) => m.userId),
    ownerIds: steps.map((s) => s.ownerId),
    championId: d1?.championId ?? null,
  };
}

/** The case and its steps; locked for a change. */
export async function caseWithSteps(db: Database | Tx, id: string, lock: boolean) {
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

export async function addEvents(
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
export async function link(acting: Acting & { tx: Tx }, row: CaseRow, complaintIds: string[]) {
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
