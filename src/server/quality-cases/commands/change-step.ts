import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client.js";
import {
  complaints,
  finishedStatusList,
  qualityCaseComplaints,
  qualityCaseSteps,
  qualityCases,
  slaClocks,
} from "../../../db/schema.js";
import { type Discipline, disciplineTitles } from "../../../domain/quality/disciplines.js";
import { qualityClockName } from "../../../domain/quality/due-dates.js";
import { fixReplyTemplate } from "../../../domain/quality/fix-reply.js";
import {
  mayDecideQualityStep,
  mayEditQualityCase,
} from "../../../domain/quality/quality-policy.js";
import { checkStep, type StepCommand } from "../../../domain/quality/steps.js";
import { appendTimeline } from "../../case/timeline.js";
import { AppError, forbidden, versionConflict } from "../../http/app-error.js";
import type { Acting, Caller } from "../../http/app-types.js";
import { notifyMany } from "../../notifications/notify.js";
import {
  addEvents,
  type CaseRow,
  caseWithSteps,
  type StepRow,
  teamOf,
} from "../quality-case.store.js";

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
    .where(
      and(
        eq(qualityCaseComplaints.caseId, row.id),
        sql`${complaints.status} not in (${finishedStatusList})`,
      ),
    );
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
