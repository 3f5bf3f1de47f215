import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import {
  complaints,
  contacts,
  customerMessageTemplates,
  customers,
  outbox,
  portalAccess,
  users,
} from "../../db/schema.js";
import { isMobile } from "../../domain/customer/phone.js";
import {
  builtInTemplates,
  type CustomerLocale,
  type CustomerMessageEvent,
  renderTemplate,
} from "../../domain/customer-messages/templates.js";
import { EXTENSION_NOTICE } from "../../domain/sla/extension-notice.js";
import { appendTimeline } from "../case/timeline.js";
import type { Caller } from "../http/app-types.js";
import { stopClocks } from "../sla/clock-effects.js";
import {
  type CustomerMessaging,
  createSurvey,
  newAccessCode,
  portalCaller,
  secretHash,
} from "./customer-messaging.js";

interface Extra {
  followUpBy?: Date;
  reply?: string;
  accessCode?: string;
  surveyUrl?: string;
}

/**
 * Queues the event's message to the case's customer, by each configured way they can be reached
 * (SMS to a mobile, mail to an address), each one a contact on the case's timeline, in the
 * caller's transaction; the outbox sends them after it commits. Nothing for a confidential case.
 * Answers how many messages were queued.
 */
export async function tellCustomer(
  tx: Tx,
  messaging: CustomerMessaging,
  actor: Caller | null,
  complaintId: string,
  event: CustomerMessageEvent,
  extra: Extra = {},
  locale?: CustomerLocale,
): Promise<number> {
  if (messaging.channels.length === 0) return 0;
  const [c] = await tx
    .select({
      number: complaints.number,
      subject: complaints.subject,
      flags: complaints.flags,
      receivedAt: complaints.receivedAt,
      dueAt: complaints.dueAt,
      customerId: complaints.customerId,
      phone: customers.phone,
      email: customers.email,
      locale: customers.locale,
      agentNo: users.agentNo,
    })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .innerJoin(users, eq(users.id, complaints.createdById))
    .where(eq(complaints.id, complaintId));
  if (!c || c.flags.includes("confidential")) return 0;
  const ways = messaging.channels.flatMap((channel): { channel: string; to: string }[] => {
    if (channel === "sms" && c.phone && isMobile(c.phone)) return [{ channel, to: c.phone }];
    if (channel === "email" && c.email) return [{ channel, to: c.email }];
    return [];
  });
  if (ways.length === 0) return 0;
  const language = locale ?? (c.locale as CustomerLocale | null) ?? "zh-CN";
  const [custom] = await tx
    .select()
    .from(customerMessageTemplates)
    .where(
      and(eq(customerMessageTemplates.event, event), eq(customerMessageTemplates.locale, language)),
    );
  const when = (d: Date) =>
    new Intl.DateTimeFormat("sv-SE", {
      timeZone: messaging.timezone,
      dateStyle: "short",
      timeStyle: "short",
    }).format(d);
  const message = renderTemplate(custom ?? builtInTemplates[event][language], {
    number: c.number,
    subject: c.subject,
    receivedAt: when(c.receivedAt),
    dueAt: when(c.dueAt),
    agentNo: c.agentNo,
    portalUrl: `${messaging.publicUrl}/portal`,
    ...extra,
    followUpBy: extra.followUpBy && when(extra.followUpBy),
  });
  const by = actor ?? (await portalCaller(tx));
  const rows = await tx
    .insert(contacts)
    .values(
      ways.map((w) => ({
        customerId: c.customerId,
        complaintId,
        direction: "outbound" as const,
        channel: w.channel,
        summary: message.body,
        agentId: by.id,
        agentNo: by.agentNo,
      })),
    )
    .returning({ id: contacts.id, channel: contacts.channel });
  await tx.insert(outbox).values(
    ways.map((w, i) => ({
      channel: w.channel,
      eventType: `customer_${event}`,
      payload: {
        to: w.to,
        subject: message.subject,
        text: message.body,
        complaintId,
        contactId: rows[i]!.id,
      },
    })),
  );
  await appendTimeline(
    tx,
    by,
    complaintId,
    rows.map((row) => ({
      type: "contact",
      // The customer reads what was sent to them when tracking the case.
      customerVisible: true,
      data: {
        contactId: row.id,
        direction: "outbound",
        channel: row.channel,
        summary: message.body,
        customerMessage: event,
      },
    })),
  );
  return rows.length;
}

/** How a new case's 受理回执 goes out; the portal hands its own access code to the customer. */
export interface Acknowledgement {
  messaging: CustomerMessaging;
  accessCode?: string;
  locale?: CustomerLocale;
}

/**
 * Whether there is a 受理回执 to write at all: with no way to write to customers an access code
 * made here would reach nobody, unless the caller shows it to the customer itself.
 */
export const acknowledges = ({ messaging, accessCode }: Acknowledgement) =>
  messaging.channels.length > 0 || accessCode !== undefined;

/**
 * 受理回执: once per case (its portal access code is made with it, so a retried create does not
 * send it twice), with the number, the taking agent, the deadline and how to track it.
 */
export async function acknowledge(
  tx: Tx,
  actor: Caller | null,
  complaintId: string,
  acknowledgement: Acknowledgement,
): Promise<void> {
  if (!acknowledges(acknowledgement)) return;
  const { messaging, accessCode = newAccessCode(), locale } = acknowledgement;
  const made = await tx
    .insert(portalAccess)
    .values({ complaintId, codeHash: secretHash(accessCode) })
    .onConflictDoNothing()
    .returning({ id: portalAccess.complaintId });
  if (made.length === 0) return;
  await tellCustomer(tx, messaging, actor, complaintId, "acknowledgement", { accessCode }, locale);
}

/** After a reply or a closing: the message with a survey link, unless the customer already rated. */
export async function tellOutcome(
  tx: Tx,
  messaging: CustomerMessaging,
  actor: Caller,
  complaintId: string,
  event: "replied" | "closed",
) {
  const [c] = await tx
    .select({
      resolution: complaints.resolution,
      satisfaction: complaints.satisfaction,
      flags: complaints.flags,
    })
    .from(complaints)
    .where(eq(complaints.id, complaintId));
  if (!c || c.flags.includes("confidential")) return;
  if (event === "closed" && c.satisfaction) return;
  const surveyUrl = await createSurvey(tx, messaging, complaintId, event);
  await tellCustomer(tx, messaging, actor, complaintId, event, {
    reply: c.resolution ?? "",
    surveyUrl,
  });
}

/**
 * 延期告知 after an approval: the new deadline. Once sent it is the notice the extension clock
 * waits for; a customer kesu cannot write to is still to be called, so the clock runs on.
 */
export async function tellExtension(
  tx: Tx,
  messaging: CustomerMessaging,
  actor: Caller,
  complaintId: string,
  now: Date,
) {
  const sent = await tellCustomer(tx, messaging, actor, complaintId, "extension_approved");
  if (sent > 0) await stopClocks(tx, { complaintId, names: [EXTENSION_NOTICE] }, now);
}
