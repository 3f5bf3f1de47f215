import { eq } from "drizzle-orm";
import type { z } from "zod";
import { complaints } from "../../../db/schema.js";
import { isMarkedFlag } from "../../../domain/complaint/case-attributes.js";
import { isOpen } from "../../../domain/complaint/complaint-lifecycle.js";
import { allowedActions, mayEditComplaint } from "../../../domain/complaint/complaint-policy.js";
import { refreshSearchText } from "../../case/search-text.js";
import { appendTimeline } from "../../case/timeline.js";
import { lockVisibleComplaint } from "../../case/visible-complaint.js";
import { AppError, versionConflict } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import { authorize } from "../../http/authorize.js";
import { changedFields, sameAmount, sameSet } from "../../http/changed-fields.js";
import { assertTerms } from "../../taxonomy/taxonomy.routes.js";
import type { updateComplaintBody } from "../complaint.schemas.js";

/**
 * Corrects the record's fields while the case is open, by its owner or above. Only what really
 * differs is written, with the version moved and an `updated` event naming before and after; an
 * edit that changes nothing writes nothing.
 */
export async function editComplaint(
  { db, caller, clock }: Acting,
  complaintId: string,
  { version, ...given }: z.infer<typeof updateComplaintBody>,
) {
  const now = clock.now();
  await db.transaction(async (tx) => {
    const { complaint, access } = await lockVisibleComplaint(tx, caller, complaintId);
    if (!isOpen(access.status)) {
      const allowed = allowedActions(caller, access);
      throw new AppError(
        "invalid_transition",
        { status: access.status, command: "edit" },
        { allowed },
      );
    }
    authorize(mayEditComplaint(caller, access));
    if (complaint.version !== version) throw versionConflict(complaint.version);
    const flags = given.flags && [
      ...complaint.flags.filter((flag) => !isMarkedFlag(flag)),
      ...new Set(given.flags),
    ];
    const changes = changedFields(
      complaint,
      { ...given, flags },
      { demandAmount: sameAmount, flags: sameSet },
    );
    // Nothing differs from the record: no new version, no timeline event, no search refresh,
    // so a colleague working on this version gets no false conflict.
    if (Object.keys(changes).length === 0) return;
    // Only codes being set now must be active: a retired one already on the record stays.
    await assertTerms(tx, [
      { list: "category", field: "body.category", codes: [changes.category] },
      { list: "business_type", field: "body.businessType", codes: [changes.businessType] },
      { list: "cause", field: "body.causes", codes: changes.causes ?? [] },
    ]);
    await tx
      .update(complaints)
      .set({ ...changes, version: version + 1, updatedAt: now })
      .where(eq(complaints.id, complaint.id));
    const before = Object.fromEntries(
      Object.keys(changes).map((k) => [k, complaint[k as keyof typeof complaint]]),
    );
    await refreshSearchText(tx, eq(complaints.id, complaint.id));
    await appendTimeline(tx, caller, complaint.id, [
      { type: "updated", data: { before, after: changes } },
    ]);
  });
}
