import { and, asc, eq } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { attachments, users } from "../../db/schema.js";
import { textShownTo } from "../../domain/customer/masking.js";
import { disciplineTitles } from "../../domain/quality/disciplines.js";
import {
  type EvidenceDecision,
  mayAddEvidence,
  mayRemoveEvidence,
  type RootCauseKind,
} from "../../domain/quality/evidence.js";
import type { CheckedUpload } from "../attachments/read-upload.js";
import { insertAttachment } from "../attachments/store-attachment.js";
import { attachmentColumns } from "../case/complaint-row.js";
import { AppError, forbidden, notFound } from "../http/app-error.js";
import type { Acting, Caller } from "../http/app-types.js";
import {
  addEvents,
  type CaseRow,
  caseWithSteps,
  type StepRow,
  teamOf,
} from "./quality-case.store.js";

/** D4's evidence on an 8D, oldest first, each with its root-cause kind and who added it. */
export async function evidenceOf(db: Database | Tx, caseId: string, caller: Caller) {
  const rows = await db
    .select({
      ...attachmentColumns,
      rootCause: attachments.rootCause,
      uploadedBy: { id: users.id, agentNo: users.agentNo, name: users.displayName },
    })
    .from(attachments)
    .innerJoin(users, eq(users.id, attachments.uploadedById))
    .where(eq(attachments.qualityCaseId, caseId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  const shown = textShownTo(caller.role);
  return rows.map((r) => ({ ...r, rootCause: r.rootCause!, fileName: shown(r.fileName) }));
}

function enforce(decision: EvidenceDecision) {
  if (decision.ok) return;
  if (decision.reason === "step_not_editable")
    throw new AppError("step_not_editable", { step: disciplineTitles.d4.zh });
  throw forbidden(decision.reason);
}

const d4Of = (row: CaseRow, steps: StepRow[]) => ({
  d4Status: steps.find((s) => s.discipline === "d4")!.status,
  caseOpen: row.status === "open",
});

/** A file backing a root cause of occurrence or of escape, kept on the 8D with its timeline event. */
export async function addEvidence(
  acting: Acting,
  caseId: string,
  rootCause: RootCauseKind,
  file: CheckedUpload,
) {
  const { caller } = acting;
  return acting.db.transaction(async (tx) => {
    const { row, steps } = await caseWithSteps(tx, caseId, true);
    enforce(mayAddEvidence(caller, teamOf(row, steps), d4Of(row, steps)));
    const created = await insertAttachment(tx, caller, { qualityCaseId: caseId, rootCause }, file);
    await addEvents(tx, caller, caseId, [
      {
        type: "evidence_added",
        discipline: "d4",
        data: { attachmentId: created.id, fileName: created.fileName, rootCause },
      },
    ]);
    return { ...created, rootCause };
  });
}

/** Takes back a file its uploader added while D4 is still a draft. */
export async function removeEvidence(acting: Acting, caseId: string, attachmentId: string) {
  const { caller } = acting;
  await acting.db.transaction(async (tx) => {
    const { row, steps } = await caseWithSteps(tx, caseId, true);
    const where = and(eq(attachments.id, attachmentId), eq(attachments.qualityCaseId, caseId));
    const [file] = await tx
      .select({ ...attachmentColumns, rootCause: attachments.rootCause })
      .from(attachments)
      .where(where);
    if (!file) throw notFound("evidence");
    enforce(mayRemoveEvidence(caller, teamOf(row, steps), file, d4Of(row, steps)));
    await tx.delete(attachments).where(where);
    await addEvents(tx, caller, caseId, [
      {
        type: "evidence_removed",
        discipline: "d4",
        data: { attachmentId, fileName: file.fileName, rootCause: file.rootCause },
      },
    ]);
  });
}
