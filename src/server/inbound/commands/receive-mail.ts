import { createHash } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import type { Database, Tx } from "../../../db/client.js";
import {
  complaints,
  contacts,
  customers,
  type InboundMailOutcome,
  inboundMails,
} from "../../../db/schema.js";
import { caseNumberIn, mailKind } from "../../../domain/inbound-mail/mail-kind.js";
import { detectAttachmentType } from "../../attachments/attachment-type.js";
import { storeAttachment } from "../../attachments/store-attachment.js";
import { appendTimeline } from "../../case/timeline.js";
import type { Clock } from "../../clock.js";
import { insertComplaint } from "../../complaints/commands/create-complaint.js";
import { createComplaintBody } from "../../complaints/complaint.schemas.js";
import type { CustomerMessaging } from "../../customer-messages/customer-messaging.js";
import { acknowledge } from "../../customer-messages/tell-customer.js";
import type { Caller } from "../../http/app-types.js";
import { inboundCaller } from "../inbound-caller.js";

export interface ReceivedMail {
  outcome: InboundMailOutcome;
  complaintId: string | null;
  /** True when this Message-ID was received before and nothing was done again. */
  repeated: boolean;
}

export interface MailDesk {
  db: Database;
  clock: Clock;
  timezone: string;
  maxAttachmentBytes: number;
  /** How kesu writes back: a new mail's case is acknowledged like any other (受理回执). */
  messaging: CustomerMessaging;
}

const DESCRIPTION_LIMIT = 20_000;

/**
 * One mail, as the SMTP listener or an MTA hands it over: a customer's new mail opens a case, her
 * answer joins the case it names (case number in the subject or thread, from the case's own
 * customer), and bounces, auto-replies and kesu's own returning mail are recorded and dropped.
 */
export async function receiveMail(desk: MailDesk, raw: Buffer): Promise<ReceivedMail> {
  // Loaded with the first mail, not at start: most installations never receive one.
  const { simpleParser } = await import("mailparser");
  const mail = await simpleParser(raw);
  const messageId =
    mail.messageId ?? `<sha256.${createHash("sha256").update(raw).digest("hex")}@kesu>`;
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? null;
  const kind = mailKind({
    header: (name) => headerText(mail, name),
    from,
    contentType: (headerText(mail, "content-type") ?? "").split(";")[0]!.trim(),
  });
  const caller = await inboundCaller(desk.db);
  const files = kind === "customer" ? await acceptedFiles(mail, desk.maxAttachmentBytes) : [];
  return desk.db.transaction(async (tx) => {
    await lock(tx, `mail:${messageId}`);
    const [earlier] = await tx
      .select()
      .from(inboundMails)
      .where(eq(inboundMails.messageId, messageId));
    if (earlier)
      return { outcome: earlier.outcome, complaintId: earlier.complaintId, repeated: true };
    const record = async (outcome: InboundMailOutcome, complaintId: string | null) => {
      await tx
        .insert(inboundMails)
        .values({ messageId, sender: from, subject: mail.subject ?? null, outcome, complaintId });
      return { outcome, complaintId, repeated: false };
    };
    if (kind !== "customer" || !from) return record(kind === "customer" ? "bounce" : kind, null);
    // One sender's mails one at a time, so two first mails do not make her two customers.
    await lock(tx, `mail-from:${from}`);
    const answered = await caseAnswered(tx, mail, from);
    if (answered) {
      await joinCase(tx, caller, answered, mail, files);
      return record("joined", answered.id);
    }
    const id = await openCase(tx, caller, desk, mail, from);
    for (const file of files) await storeAttachment(tx, caller, id, file);
    await acknowledge(tx, caller, id, { messaging: desk.messaging });
    return record("opened", id);
  });
}

const lock = (tx: Tx, key: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);

function headerText(mail: ParsedMail, name: string): string | undefined {
  const value = mail.headers.get(name.toLowerCase());
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object" && "value" in value) return String(value.value);
  return String(value);
}

type MailFile = { fileName: string; mediaType: string; content: Buffer };

/** The attachments kept: the kinds the workbench accepts, within its size limit. */
async function acceptedFiles(mail: ParsedMail, maxBytes: number): Promise<MailFile[]> {
  const kept: MailFile[] = [];
  for (const a of mail.attachments) {
    if (a.related || a.content.length === 0 || a.content.length > maxBytes) continue;
    const fileName = (a.filename ?? "attachment").slice(0, 255);
    const type = await detectAttachmentType(a.content, fileName);
    if (type.ok) kept.push({ fileName, mediaType: type.mediaType, content: a.content });
  }
  return kept;
}

const threadIds = (mail: ParsedMail) => [
  ...(mail.inReplyTo ? [mail.inReplyTo] : []),
  ...(Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : []),
];

/**
 * The case the mail answers, only if it is this sender's own: by the number in the subject or the
 * thread's ids, else by an earlier mail of hers it replies to. A merged case leads to its parent.
 */
async function caseAnswered(tx: Tx, mail: ParsedMail, from: string) {
  const ids = threadIds(mail);
  const number = caseNumberIn(mail.subject, ...ids);
  const byNumber = number
    ? await tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.number, number))
    : [];
  const byThread =
    ids.length > 0
      ? await tx
          .select({ id: inboundMails.complaintId })
          .from(inboundMails)
          .where(inArray(inboundMails.messageId, ids))
          .orderBy(desc(inboundMails.receivedAt))
      : [];
  for (const candidate of [...byNumber, ...byThread]) {
    if (!candidate.id) continue;
    const [found] = await tx
      .select({
        id: sql<string>`coalesce(${complaints.mergedIntoId}, ${complaints.id})`,
        customerId: complaints.customerId,
      })
      .from(complaints)
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(and(eq(complaints.id, candidate.id), sql`lower(${customers.email}) = ${from}`));
    if (found) return found;
  }
  return null;
}

const summaryOf = (mail: ParsedMail) =>
  `${mail.subject ?? ""}\n${(mail.text ?? "").trim()}`.trim().slice(0, 2000) || "(空邮件)";

/** The mail is the customer's contact on the case: on its timeline, its files attached. */
async function joinCase(
  tx: Tx,
  caller: Caller,
  target: { id: string; customerId: string },
  mail: ParsedMail,
  files: MailFile[],
) {
  const body = { direction: "inbound" as const, channel: "email", summary: summaryOf(mail) };
  const [row] = await tx
    .insert(contacts)
    .values({
      ...body,
      customerId: target.customerId,
      complaintId: target.id,
      agentId: caller.id,
      agentNo: caller.agentNo,
    })
    .returning({ id: contacts.id });
  await appendTimeline(tx, caller, target.id, [
    { type: "contact", data: { contactId: row!.id, ...body, messageId: mail.messageId ?? null } },
  ]);
  for (const file of files) await storeAttachment(tx, caller, target.id, file);
}

/**
 * A new case on channel email for the sender, found by address (matched in any letter case, as
 * the customer lookup does) or made a customer now.
 */
async function openCase(
  tx: Tx,
  caller: Caller,
  desk: MailDesk,
  mail: ParsedMail,
  from: string,
): Promise<string> {
  const [known] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(sql`lower(${customers.email}) = ${from}`)
    .orderBy(desc(customers.updatedAt))
    .limit(1);
  const name = mail.from?.value[0]?.name?.trim() || from.split("@")[0]!;
  const customerId =
    known?.id ??
    (
      await tx
        .insert(customers)
        .values({ name: name.slice(0, 100), email: from })
        .returning({ id: customers.id })
    )[0]!.id;
  const text = (mail.text ?? "").trim();
  const body = createComplaintBody.parse({
    kind: "complaint",
    channel: "email",
    customerId,
    subject: (mail.subject?.trim() || text.slice(0, 60) || "(无主题邮件)").slice(0, 200),
    description: (text || mail.subject || "(空邮件)").slice(0, DESCRIPTION_LIMIT),
  });
  return insertComplaint(tx, caller, desk.timezone, body, desk.clock.now());
}
