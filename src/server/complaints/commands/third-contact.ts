import { eq, or, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client.js";
import { complaints, contacts, users } from "../../../db/schema.js";
import { reachesThirdContact } from "../../../domain/complaint/judgement.js";
import { chooseSupervisor } from "../../../domain/sla/breach-actions.js";
import type { ComplaintRow } from "../../case/complaint-row.js";
import { supervisorLoads } from "../../case/supervisor-loads.js";
import type { TimelineEntry } from "../../case/timeline.js";
import { notifyUsers } from "../../notifications/notify.js";
import { withFlag } from "./command-helpers.js";

/** The customer's contacts about the case: its own and those of the cases merged into it. */
async function contactsAbout(tx: Tx, complaintId: string): Promise<number> {
  const merged = tx
    .select({ id: complaints.id })
    .from(complaints)
    .where(eq(complaints.mergedIntoId, complaintId));
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(contacts)
    .where(or(eq(contacts.complaintId, complaintId), sql`${contacts.complaintId} in ${merged}`));
  return row?.n ?? 0;
}

/**
 * 事不过三 (seed 001): after a contact, a case still unanswered at its customer's third contact is
 * flagged `third_contact` once, and the owner's supervisor is told (chosen as a breach's
 * supervisor is: the owner's department first, the least loaded). Answers the timeline event.
 */
export async function flagThirdContact(tx: Tx, complaint: ComplaintRow): Promise<TimelineEntry[]> {
  const count = await contactsAbout(tx, complaint.id);
  if (!reachesThirdContact({ ...complaint, contacts: count })) return [];
  await tx
    .update(complaints)
    .set({
      flags: withFlag(complaint.flags, "third_contact"),
      version: complaint.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(complaints.id, complaint.id));
  const [owner] = complaint.ownerId
    ? await tx
        .select({ departmentId: users.departmentId })
        .from(users)
        .where(eq(users.id, complaint.ownerId))
    : [];
  const supervisor = chooseSupervisor(owner?.departmentId ?? null, await supervisorLoads(tx));
  const data = { contacts: count, supervisorAgentNo: supervisor?.agentNo ?? null };
  if (supervisor && supervisor.id !== complaint.ownerId)
    await notifyUsers(tx, [supervisor.id], complaint, ["third_contact"], data);
  return [{ type: "third_contact", data }];
}
