import { eq } from "drizzle-orm";
import type { z } from "zod";
import { complaints } from "../../../db/schema.js";
import { isMarkedFlag } from "../../../domain/complaint/case-attributes.js";
import { isOpen } from "../../../domain/complaint/complaint-lifecycle.js";
import { allowedActions, mayEditComplaint } from "../../../domain/complaint/complaint-policy.js";
import type { ComplaintRow } from "../../case/complaint-row.js";
import { refreshSearchText } from "../../case/search-text.js";
import { appendTimeline, type TimelineEntry } from "../../case/timeline.js";
import { lockVisibleComplaint } from "../../case/visible-complaint.js";
import { AppError, versionConflict } from "../../http/app-error.js";
import type { ActingIn } from "../../http/app-types.js";
import { authorize } from "../../http/authorize.js";
import { changedFields, sameAmount, sameSet } from "../../http/changed-fields.js";
import { assertTerms } from "../../taxonomy/active-terms.js";
import type { updateComplaintBody } from "../complaint.schemas.js";

const findingFields = ["responsibility", "substantiated", "findingNote"] as const;

/**
 * Corrects the record's fields while the case is open, by its owner or above. Only what really
 * differs is written, with the version moved and an `updated` event naming before and after; an
 * edit that changes nothing writes nothing.
 */
export async function editComplaint(
  { db, caller, clock }: ActingIn,
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
    // The owner's finding is theirs once they change any part of it, or first send it as a
    // department proposed it: that proposal no longer stands in for it (judgement.ts).
    const findsNow =
      findingFields.some((field) => field in changes) ||
      (complaint.findingAt === null && findingFields.some((field) => given[field] != null));
    // Nothing differs from the record: no new version, no timeline event, no search refresh,
    // so a colleague working on this version gets no false conflict.
    if (Object.keys(changes).length === 0 && !findsNow) return;
    // Only codes being set now must be active: a retired one already on the record stays.
    await assertTerms(tx, [
      { list: "category", field: "body.category", codes: [changes.category] },
      { list: "business_type", field: "body.businessType", codes: [changes.businessType] },
      { list: "cause", field: "body.causes", codes: changes.causes ?? [] },
    ]);
    const finding = findsNow ? { findingById: caller.id, findingAt: now } : {};
    await tx
      .update(complaints)
      .set({ ...changes, ...finding, version: version + 1, updatedAt: now })
      .where(eq(complaints.id, complaint.id));
    await refreshSearchText(tx, eq(complaints.id, complaint.id));
    await appendTimeline(tx, caller, complaint.id, editEvents(complaint, changes, findsNow));
  });
}

/**
 * An `updated` event with the fields' before and after, and a `finding_recorded` event with the
 * owner's finding as it now stands (the finding's fields are in that one only).
 */
function editEvents(
  complaint: ComplaintRow,
  changes: Partial<Record<keyof ComplaintRow, unknown>>,
  findsNow: boolean,
): TimelineEntry[] {
  const { responsibility, substantiated, findingNote, ...fields } = changes;
  const changed = Object.keys(fields) as (keyof ComplaintRow)[];
  const recorded = { ...complaint, ...changes };
  return [
    ...(changed.length > 0
      ? [
          {
            type: "updated",
            data: {
              before: Object.fromEntries(changed.map((k) => [k, complaint[k]])),
              after: fields,
            },
          },
        ]
      : []),
    ...(findsNow
      ? [
          {
            type: "finding_recorded",
            data: {
              responsibility: recorded.responsibility,
              substantiated: recorded.substantiated,
              findingNote: recorded.findingNote,
            },
          },
        ]
      : []),
  ];
}
