import { eq } from "drizzle-orm";
import { improvementActions } from "../../../db/schema.js";
import { checkProgress, mayEditAction } from "../../../domain/improvement/improvement-actions.js";
import { AppError, forbidden } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import type { PatchActionBody } from "../improvement.schemas.js";
import { addActionEvent } from "../improvement.store.js";
import { checkActionLinks } from "./action-links.js";
import { lockedAction } from "./locked-action.js";

const fieldNames = [
  "title",
  "description",
  "ownerId",
  "departmentId",
  "dueDate",
  "cause",
  "category",
  "qualityCaseId",
] as const;

/**
 * Edits an action on the version the caller read: managers any field, the owner the status
 * (open, in progress, done) and the progress note. Each change is a history row.
 */
export async function updateAction(
  { db, caller, clock }: Acting,
  id: string,
  body: PatchActionBody,
) {
  await db.transaction(async (tx) => {
    const row = await lockedAction(tx, caller, id, body.version);
    const fields = Object.fromEntries(
      fieldNames.filter((f) => body[f] !== undefined).map((f) => [f, body[f]]),
    );
    const decision = mayEditAction(caller, row, { fields: Object.keys(fields).length > 0 });
    if (!decision.ok) throw forbidden(decision.reason);
    const status = checkProgress(row.status, body.status);
    if (!status.ok) throw new AppError(status.reason);
    const cause = body.cause === undefined ? row.cause : body.cause;
    const category = body.category === undefined ? row.category : body.category;
    if (!cause && !category)
      throw new AppError(
        "validation_failed",
        {},
        { errors: [{ field: "body.cause", code: "required" }] },
      );
    await checkActionLinks(tx, fields);
    const now = clock.now();
    const moved = status.status !== row.status;
    await tx
      .update(improvementActions)
      .set({
        ...fields,
        status: status.status,
        progressNote: body.progressNote ?? row.progressNote,
        version: row.version + 1,
        updatedAt: now,
        doneAt: status.status === "done" ? (moved ? now : row.doneAt) : null,
        // A new due date may pass again, and its owner hears of it again.
        ...(body.dueDate !== undefined && body.dueDate !== row.dueDate
          ? { overdueNotifiedAt: null }
          : {}),
      })
      .where(eq(improvementActions.id, id));
    const changed = {
      ...fields,
      ...(body.progressNote !== undefined ? { progressNote: body.progressNote } : {}),
    };
    if (moved) await addActionEvent(tx, caller, id, status.event, { from: row.status, ...changed });
    else if (Object.keys(changed).length > 0)
      await addActionEvent(tx, caller, id, "action_updated", changed);
  });
}
