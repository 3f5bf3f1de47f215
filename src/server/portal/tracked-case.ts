import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { complaints, timelineEvents, users } from "../../db/schema.js";
import { isOpen } from "../../domain/complaint/complaint-lifecycle.js";
import { maskIdentifiersInText } from "../../domain/customer/masking.js";
import { customerProgress, customerStage } from "../../domain/portal/portal-rules.js";
import type { TrackedCase } from "./portal.schemas.js";

/**
 * The case as its customer may read it: only replies, the messages kesu sent them and what they
 * added themselves, each with any identifier masked; internal events appear only as named steps.
 */
export async function trackedCase(db: Database, complaintId: string): Promise<TrackedCase> {
  const [c] = await db
    .select({
      number: complaints.number,
      subject: complaints.subject,
      status: complaints.status,
      receivedAt: complaints.receivedAt,
      dueAt: complaints.dueAt,
      ownerAgentNo: users.agentNo,
    })
    .from(complaints)
    .leftJoin(users, eq(users.id, complaints.ownerId))
    .where(eq(complaints.id, complaintId));
  const events = await db
    .select({ type: timelineEvents.type, at: timelineEvents.at, data: timelineEvents.data })
    .from(timelineEvents)
    .where(eq(timelineEvents.complaintId, complaintId))
    .orderBy(asc(timelineEvents.id));
  const said = (e: { data: unknown }) => e.data as Record<string, string | undefined>;
  const contacts = events.filter((e) => e.type === "contact");
  const masked = (t: string | undefined) => maskIdentifiersInText(t ?? "");
  return {
    number: c!.number,
    subject: maskIdentifiersInText(c!.subject),
    stage: customerStage(c!.status),
    open: isOpen(c!.status),
    receivedAt: c!.receivedAt,
    dueAt: c!.dueAt,
    ownerAgentNo: c!.ownerAgentNo,
    replies: events
      .filter((e) => e.type === "replied")
      .map((e) => ({ at: e.at, message: masked(said(e).message) })),
    messages: contacts
      .filter((e) => said(e).customerMessage)
      .map((e) => ({ at: e.at, channel: String(said(e).channel), text: masked(said(e).summary) })),
    additions: contacts
      .filter((e) => said(e).portal)
      .map((e) => ({ at: e.at, text: masked(said(e).summary) })),
    progress: customerProgress(events),
  };
}
