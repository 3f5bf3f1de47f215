import { asc, eq } from "drizzle-orm";
import { complaints, incidentComplaints, incidents } from "../../../db/schema.js";
import { canPublishIncidents } from "../../../domain/incident/incident.js";
import { recordAudit } from "../../audit/record-audit.js";
import { reply } from "../../complaints/commands/reply.js";
import { runComplaintCommand } from "../../complaints/commands/run-complaint-command.js";
import type { CustomerMessaging } from "../../customer-messages/customer-messaging.js";
import { tellOutcome } from "../../customer-messages/tell-customer.js";
import { AppError, forbidden, versionConflict } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import type { Locale } from "../../http/locale.js";
import type { ResolveIncidentInput } from "../incident.schemas.js";
import { lockIncident } from "./save-incident.js";

export interface BulkReply {
  replied: { complaintId: string; number: string }[];
  skipped: {
    complaintId: string;
    number: string;
    status: string;
    reason: string;
    message: string;
  }[];
}

/**
 * Resolves a live incident (解除公告), and with `reply` answers every case linked to it: the
 * incident's change commits first, then each case is replied in a transaction of its own through
 * the reply command (its lifecycle, permission and timeline, and the customer's message), so one
 * case that cannot be replied — closed, already replied, still with a department — is reported
 * with its reason and stops none of the others.
 */
export async function resolveIncident(
  acting: Acting,
  id: string,
  input: ResolveIncidentInput,
  options: { messaging: CustomerMessaging; locale: Locale },
): Promise<BulkReply | null> {
  const { db, caller, clock } = acting;
  if (!canPublishIncidents(caller.role)) throw forbidden();
  await db.transaction(async (tx) => {
    const current = await lockIncident(tx, id);
    if (current.version !== input.version) throw versionConflict(current.version, "incident");
    if (current.status !== "live") throw new AppError("incident_resolved");
    const now = clock.now();
    await tx
      .update(incidents)
      .set({
        status: "resolved",
        resolution: input.reply ?? null,
        resolvedAt: now,
        resolvedById: caller.id,
        version: current.version + 1,
        updatedById: caller.id,
        updatedAt: now,
      })
      .where(eq(incidents.id, id));
    await recordAudit(tx, caller, "resolve", "incident", id, { reply: input.reply ?? null });
  });
  if (!input.reply) return null;
  const message = input.reply;
  const linked = await db
    .select({ id: complaints.id, number: complaints.number })
    .from(incidentComplaints)
    .innerJoin(complaints, eq(complaints.id, incidentComplaints.complaintId))
    .where(eq(incidentComplaints.incidentId, id))
    .orderBy(asc(complaints.number));
  const result: BulkReply = { replied: [], skipped: [] };
  for (const { id: complaintId, number } of linked) {
    // The version as it stands now: the bulk reply answers the case as it is, not as it was seen.
    const [seen] = await db
      .select({ version: complaints.version, status: complaints.status })
      .from(complaints)
      .where(eq(complaints.id, complaintId));
    try {
      await runComplaintCommand(acting, complaintId, reply({ version: seen!.version, message }));
      await db.transaction((tx) =>
        tellOutcome(tx, options.messaging, caller, complaintId, "replied"),
      );
      result.replied.push({ complaintId, number });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.skipped.push({
        complaintId,
        number,
        status: seen!.status,
        reason: error.code,
        message: error.localized(options.locale),
      });
    }
  }
  return result;
}
