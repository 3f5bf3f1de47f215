import { improvementActions } from "../../../db/schema.js";
import { canManageActions } from "../../../domain/improvement/improvement-actions.js";
import { forbidden } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import type { CreateActionBody } from "../improvement.schemas.js";
import { addActionEvent } from "../improvement.store.js";
import { checkActionLinks } from "./action-links.js";

/** A new 整改措施, open, with its first history row; supervisors, quality and admins. */
export async function createAction({ db, caller, clock }: Acting, body: CreateActionBody) {
  if (!canManageActions(caller.role)) throw forbidden();
  return db.transaction(async (tx) => {
    const { ownerDepartmentId } = await checkActionLinks(tx, body);
    const now = clock.now();
    const [row] = await tx
      .insert(improvementActions)
      .values({
        title: body.title,
        description: body.description,
        ownerId: body.ownerId,
        departmentId: body.departmentId === undefined ? ownerDepartmentId : body.departmentId,
        dueDate: body.dueDate,
        cause: body.cause ?? null,
        category: body.category ?? null,
        qualityCaseId: body.qualityCaseId ?? null,
        createdById: caller.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: improvementActions.id });
    await addActionEvent(tx, caller, row!.id, "action_created", {
      title: body.title,
      ownerId: body.ownerId,
      dueDate: body.dueDate,
    });
    return row!.id;
  });
}
