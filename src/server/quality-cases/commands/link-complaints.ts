import { mayLinkComplaints } from "../../../domain/quality/quality-policy.js";
import { forbidden } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import { caseWithSteps, link, teamOf } from "../quality-case.store.js";

/** More complaints on the 8D, by its team; a complaint belongs to one 8D only. */
export async function linkComplaints(acting: Acting, id: string, complaintIds: string[]) {
  await acting.db.transaction(async (tx) => {
    const { row, steps } = await caseWithSteps(tx, id, true);
    const decision = mayLinkComplaints(acting.caller, teamOf(row, steps));
    if (!decision.ok) throw forbidden(decision.reason);
    await link({ ...acting, tx }, row, complaintIds);
  });
}
