import { incidentComplaints } from "../../../db/schema.js";
import { canLinkIncidents } from "../../../domain/incident/incident.js";
import { appendTimeline } from "../../case/timeline.js";
import { lockVisibleComplaint } from "../../case/visible-complaint.js";
import { AppError, forbidden } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import { lockIncident } from "./save-incident.js";

/**
 * Files a complaint under a live incident (关联服务公告): the link and the case's timeline event
 * commit together; the incident counts its links. A complaint the caller cannot see is a 404, a
 * link made before a 409 `duplicate`, a resolved incident a 409 `incident_resolved`.
 */
export async function linkComplaint(
  { db, caller, clock }: Acting,
  incidentId: string,
  complaintId: string,
) {
  if (!canLinkIncidents(caller.role)) throw forbidden();
  await db.transaction(async (tx) => {
    const incident = await lockIncident(tx, incidentId);
    if (incident.status !== "live") throw new AppError("incident_resolved");
    const { complaint } = await lockVisibleComplaint(tx, caller, complaintId);
    const added = await tx
      .insert(incidentComplaints)
      .values({ incidentId, complaintId, linkedById: caller.id, linkedAt: clock.now() })
      .onConflictDoNothing()
      .returning({ complaintId: incidentComplaints.complaintId });
    if (added.length === 0)
      throw new AppError("duplicate", { field: "incident_link", value: complaint.number });
    await appendTimeline(tx, caller, complaintId, [
      { type: "incident_linked", data: { incidentId, title: incident.title } },
    ]);
  });
}
