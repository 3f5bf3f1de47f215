import { and, asc, eq, isNotNull, lte } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { outbox, webhooks } from "../db/schema.js";
import { renderEmail } from "../server/notifications/email-templates.js";
import type { Senders } from "../server/notifications/senders.js";
import { signature } from "../server/notifications/signature.js";

/** After this many failures a delivery is given up (and stays in the log, replayable). */
export const MAX_ATTEMPTS = 8;

/** 30 s, 1 min, 2 min … capped at an hour. */
export const retryDelayMs = (attempts: number) => Math.min(3_600_000, 30_000 * 2 ** (attempts - 1));

/**
 * One bounded batch of due deliveries, each claimed with FOR UPDATE SKIP LOCKED so several
 * servers never send the same one twice at once; a failure schedules the next try with backoff.
 */
export async function deliverDueOutbox(
  db: Database,
  senders: Senders,
  now: Date,
  batchSize = 20,
): Promise<{ claimed: number; delivered: number }> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ item: outbox, url: webhooks.url, secret: webhooks.secret })
      .from(outbox)
      .leftJoin(webhooks, eq(webhooks.id, outbox.webhookId))
      .where(and(isNotNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(batchSize)
      .for("update", { of: outbox, skipLocked: true });
    let delivered = 0;
    for (const { item, url, secret } of due) {
      const error = await send(senders, item, url, secret);
      const attempts = item.attempts + 1;
      if (error === null) delivered++;
      await tx
        .update(outbox)
        .set(
          error === null
            ? { attempts, deliveredAt: now, nextAttemptAt: null, lastError: null }
            : {
                attempts,
                lastError: error,
                nextAttemptAt:
                  attempts >= MAX_ATTEMPTS || error === NO_SMTP || error === NO_SMS
                    ? null
                    : new Date(now.getTime() + retryDelayMs(attempts)),
              },
        )
        .where(eq(outbox.id, item.id));
    }
    return { claimed: due.length, delivered };
  });
}

/** Files queued with a mail, base64 in the payload. */
function attachmentsOf(payload: Record<string, unknown>) {
  const files = payload.attachments as
    | { filename: string; contentType: string; base64: string }[]
    | undefined;
  if (!files) return {};
  return {
    attachments: files.map((f) => ({
      filename: f.filename,
      contentType: f.contentType,
      content: Buffer.from(f.base64, "base64"),
    })),
  };
}

const NO_SMTP = "SMTP_URL is not set: mail is not sent";
const NO_SMS = "SMS_URL is not set: the text message is not sent";

async function send(
  senders: Senders,
  item: typeof outbox.$inferSelect,
  url: string | null,
  secret: string | null,
): Promise<string | null> {
  const payload = item.payload as Record<string, unknown>;
  try {
    if (item.channel === "email") {
      if (!senders.email) return NO_SMTP;
      // A message to a customer is written whole when queued (it is also the case's contact), as
      // is the monthly analysis (its PDF attached).
      const mail =
        item.eventType.startsWith("customer_") || item.eventType === "monthly_analysis"
          ? { subject: String(payload.subject), text: String(payload.text) }
          : renderEmail(item.eventType, payload);
      await senders.email({ to: String(payload.to), ...mail, ...attachmentsOf(payload) });
    } else if (item.channel === "sms") {
      if (!senders.sms) return NO_SMS;
      await senders.sms({ to: String(payload.to), text: String(payload.text) });
    } else {
      if (!url || !secret) return "the webhook was removed";
      const body = JSON.stringify({ id: item.id, ...payload });
      await senders.webhook(
        url,
        {
          "content-type": "application/json",
          "x-kesu-event": item.eventType,
          "x-kesu-delivery": String(item.id),
          "x-kesu-signature": signature(secret, body),
        },
        body,
      );
    }
    return null;
  } catch (e) {
    return e instanceof Error ? e.message.slice(0, 500) : String(e);
  }
}
