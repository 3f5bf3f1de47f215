import { and, eq } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { complaintChecklist, users } from "../../db/schema.js";
import {
  type ChecklistStep,
  checklistSteps,
  isChecklistStep,
  mayTickChecklist,
} from "../../domain/guidance/checklist.js";
import { recordAudit } from "../audit/record-audit.js";
import { callerOf } from "../auth/caller.js";
import { lockVisibleComplaint, readVisibleComplaint } from "../case/visible-complaint.js";
import { fieldInvalid } from "../http/app-error.js";
import type { App, Caller } from "../http/app-types.js";
import { authorize } from "../http/authorize.js";
import { idParams } from "../http/input-fields.js";
import { type ChecklistDto, checklistSchema, checklistStepParams } from "./checklist.schemas.js";

// A tick is working state, not part of the case's record: it does not bump the complaint's version
// (a colleague's reply must not conflict with it) and it writes no timeline event. The timeline is
// the append-only history supervisors, customers' replies and webhook subscribers read; agents tick
// and untick freely while on the phone, and every toggle there would bury the events that matter
// and fire webhooks for nothing. Who ticked or unticked what, and when, is kept in the audit log,
// and the checklist itself shows the current ticks with agent number and time.

export async function checklistRoutes(app: App) {
  app.get(
    "/complaints/:id/checklist",
    {
      schema: {
        tags: ["guided handling"],
        summary: "The guided-handling steps ticked on a complaint, by whom and when",
        params: idParams,
        response: { 200: checklistSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      // The same visibility rule as every change: 404 for cases the caller may not see.
      const { access } = await readVisibleComplaint(app.db, caller, request.params.id);
      return loadChecklist(app.db, request.params.id, mayTickChecklist(caller, access).ok);
    },
  );

  app.put(
    "/complaints/:id/checklist/:step",
    {
      schema: {
        tags: ["guided handling"],
        summary: "Tick a step; ticking a ticked step keeps whoever ticked it first",
        params: checklistStepParams,
        response: { 200: checklistSchema },
      },
    },
    (request) => changeStep(app, callerOf(request), request.params, tickStep),
  );

  app.delete(
    "/complaints/:id/checklist/:step",
    {
      schema: {
        tags: ["guided handling"],
        summary: "Untick a step; unticking an unticked step changes nothing",
        params: checklistStepParams,
        response: { 200: checklistSchema },
      },
    },
    (request) => changeStep(app, callerOf(request), request.params, untickStep),
  );
}

function checkedStep(step: string): ChecklistStep {
  if (!isChecklistStep(step)) throw fieldInvalid("params.step", "unknown_step");
  return step;
}

type StepChange = (
  tx: Tx,
  caller: Caller,
  complaintId: string,
  step: ChecklistStep,
) => Promise<void>;

/** One tick or untick in one transaction with its audit row; answers the whole checklist. */
async function changeStep(
  app: App,
  caller: Caller,
  params: { id: string; step: string },
  change: StepChange,
): Promise<ChecklistDto> {
  const step = checkedStep(params.step);
  return app.db.transaction(async (tx) => {
    const { access } = await lockVisibleComplaint(tx, caller, params.id);
    authorize(mayTickChecklist(caller, access));
    await change(tx, caller, params.id, step);
    return loadChecklist(tx, params.id, true);
  });
}

const tickStep: StepChange = async (tx, caller, complaintId, step) => {
  const added = await tx
    .insert(complaintChecklist)
    .values({ complaintId, step, tickedById: caller.id })
    .onConflictDoNothing()
    .returning({ step: complaintChecklist.step });
  if (added.length > 0)
    await recordAudit(tx, caller, "tick", "complaint_checklist", complaintId, { step });
};

const untickStep: StepChange = async (tx, caller, complaintId, step) => {
  const [removed] = await tx
    .delete(complaintChecklist)
    .where(and(eq(complaintChecklist.complaintId, complaintId), eq(complaintChecklist.step, step)))
    .returning({ tickedById: complaintChecklist.tickedById });
  if (removed)
    await recordAudit(tx, caller, "untick", "complaint_checklist", complaintId, {
      step,
      tickedById: removed.tickedById,
    });
};

async function loadChecklist(
  tx: Database | Tx,
  complaintId: string,
  mayTick: boolean,
): Promise<ChecklistDto> {
  const rows = await tx
    .select({
      step: complaintChecklist.step,
      tickedAt: complaintChecklist.tickedAt,
      id: users.id,
      agentNo: users.agentNo,
      name: users.displayName,
    })
    .from(complaintChecklist)
    .innerJoin(users, eq(users.id, complaintChecklist.tickedById))
    .where(eq(complaintChecklist.complaintId, complaintId));
  const items = rows
    .filter((r): r is typeof r & { step: ChecklistStep } => isChecklistStep(r.step))
    .map((r) => ({
      step: r.step,
      tickedAt: r.tickedAt,
      tickedBy: { id: r.id, agentNo: r.agentNo, name: r.name },
    }))
    .sort((a, b) => checklistSteps.indexOf(a.step) - checklistSteps.indexOf(b.step));
  return { items, mayTick };
}
