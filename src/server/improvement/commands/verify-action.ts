import { eq } from "drizzle-orm";
import { improvementActions } from "../../../db/schema.js";
import {
  checkVerification,
  mayVerifyAction,
} from "../../../domain/improvement/improvement-actions.js";
import { AppError, forbidden } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import type { VerifyActionBody } from "../improvement.schemas.js";
import { addActionEvent } from "../improvement.store.js";
import { lockedAction } from "./locked-action.js";

/** 验证: a manager other than the owner judges a done action; failed, it goes back to work. */
export async function verifyAction(
  { db, caller, clock }: Acting,
  id: string,
  body: VerifyActionBody,
) {
  await db.transaction(async (tx) => {
    const row = await lockedAction(tx, caller, id, body.version);
    const decision = mayVerifyAction(caller, row);
    if (!decision.ok) throw forbidden(decision.reason);
    const checked = checkVerification(row.status, body.effective);
    if (!checked.ok) throw new AppError(checked.reason);
    const now = clock.now();
    await tx
      .update(improvementActions)
      .set({
        status: checked.status,
        version: row.version + 1,
        updatedAt: now,
        verificationNote: body.note,
        verifiedAt: body.effective ? now : null,
        verifiedById: body.effective ? caller.id : null,
        doneAt: body.effective ? row.doneAt : null,
        // Back to work: a new due date may pass again, and its owner hears of it again.
        overdueNotifiedAt: body.effective ? row.overdueNotifiedAt : null,
      })
      .where(eq(improvementActions.id, id));
    await addActionEvent(tx, caller, id, checked.event, {
      effective: body.effective,
      note: body.note,
    });
  });
}
