// What an arriving mail is, from its headers alone: a customer writing, or something no case may
// come of — a bounce, an auto-reply, or kesu's own mail coming back (which would be a loop).

/** Marks every mail kesu sends, so one that comes back is known as ours (with Auto-Submitted). */
export const KESU_MAIL_HEADER = "X-Kesu-Mail";

/** RFC 3834: kesu's mail is sent by a program; well-behaved auto-responders do not answer it. */
export const ownMailHeaders = {
  "Auto-Submitted": "auto-generated",
  [KESU_MAIL_HEADER]: "notification",
  "X-Auto-Response-Suppress": "All",
} as const;

export type MailKind = "customer" | "bounce" | "auto_reply" | "own_mail";

export interface MailFacts {
  /** Header lookup by name, any letter case; undefined when absent. */
  header(name: string): string | undefined;
  /** The sender's address, if the mail names one. */
  from: string | null;
  /** The top-level media type, e.g. multipart/report. */
  contentType: string;
}

const DAEMON = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
const BULK = /^(bulk|junk|list|auto_reply)$/i;

export function mailKind(mail: MailFacts): MailKind {
  if (mail.header(KESU_MAIL_HEADER) !== undefined) return "own_mail";
  const returnPath = mail.header("return-path")?.trim();
  if (
    /^multipart\/report$/i.test(mail.contentType) ||
    (mail.from !== null && DAEMON.test(mail.from)) ||
    returnPath === "<>" ||
    mail.header("x-failed-recipients") !== undefined
  )
    return "bounce";
  const auto = mail.header("auto-submitted")?.trim().toLowerCase();
  if (
    (auto !== undefined && auto !== "no" && !auto.startsWith("no;")) ||
    mail.header("x-autoreply") !== undefined ||
    mail.header("x-autorespond") !== undefined ||
    BULK.test(mail.header("precedence")?.trim() ?? "")
  )
    return "auto_reply";
  if (mail.from === null) return "bounce";
  return "customer";
}

const CASE_NUMBER = /\bKS\d{8}-\d{6,}\b/i;

/** The case number a mail names: in its subject ("Re: … [KS20261207-000042]") or its thread ids. */
export function caseNumberIn(...texts: (string | undefined | null)[]): string | null {
  for (const text of texts) {
    const found = text ? CASE_NUMBER.exec(text) : null;
    if (found) return found[0].toUpperCase();
  }
  return null;
}
