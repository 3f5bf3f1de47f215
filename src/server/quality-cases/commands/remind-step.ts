import type { Discipline } from "../../../domain/quality/disciplines.js";
import { mayDecideQualityStep } from "../../../domain/quality/quality-policy.js";
import { AppError, forbidden } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import { notifyMany } from "../../notifications/notify.js";
import { addEvents, caseWithSteps, teamOf } from "../quality-case.store.js";

/**
 * 催办: the champion (or quality, a supervisor, an admin: whoever may approve the step) presses
 * the step's owner, who hears it in the bell with the note; the 8D's timeline keeps it.
 */
export async function remindStep(
  acting: Acting,
  id: string,
  discipline: Discipline,
  note: string | null,
) {
  const { caller } = acting;
  await acting.db.transaction(async (tx) => {
    const { row, steps } = await caseWithSteps(tx, id, true);
    const decision = mayDecideQualityStep(caller, teamOf(row, steps));
    if (!decision.ok) throw forbidden(decision.reason);
    const step = steps.find((s) => s.discipline === discipline)!;
    if (row.status === "closed" || step.status === "approved")
      throw new AppError(
        "invalid_transition",
        { status: row.status === "closed" ? row.status : step.status, command: "remind" },
        { allowed: [] },
      );
    const about = {
      qualityCaseId: row.id,
      number: row.number,
      subject: row.title,
      discipline,
      note,
    };
    await addEvents(tx, caller, row.id, [
      { type: "reminded", discipline, data: { ownerId: step.ownerId, note } },
    ]);
    await notifyMany(tx, [
      {
        userIds: [step.ownerId ?? row.openedById],
        complaint: null,
        types: ["quality_reminded"],
        data: about,
      },
    ]);
  });
}
