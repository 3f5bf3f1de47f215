import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { notifications, outbox, users, webhooks } from "../../db/schema.js";

interface About {
  id: string;
  number: string;
  subject: string;
}

/**
 * Tells people about a case: the bell (a notification row) and, for those with an email
 * address, a mail in the outbox. Both are written in the caller's transaction.
 */
export async function notifyUsers(
  tx: Tx,
  userIds: readonly string[],
  complaint: About,
  types: readonly string[],
  data: Record<string, unknown>,
) {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0 || types.length === 0) return;
  const payload = { ...data, number: complaint.number, subject: complaint.subject };
  await tx
    .insert(notifications)
    .values(
      recipients.flatMap((userId) =>
        types.map((type) => ({ userId, complaintId: complaint.id, type, data: payload })),
      ),
    );
  const mailable = await tx
    .select({ email: users.email, locale: users.locale, name: users.displayName })
    .from(users)
    .where(and(inArray(users.id, recipients), eq(users.active, true)));
  const mails = mailable.flatMap((u) =>
    u.email
      ? types.map((type) => ({
          channel: "email",
          eventType: type,
          payload: {
            to: u.email,
            name: u.name,
            locale: u.locale,
            complaintId: complaint.id,
            ...payload,
          },
        }))
      : [],
  );
  if (mails.length > 0) await tx.insert(outbox).values(mails);
}

/** Every active webhook subscribed to these timeline events gets a delivery in the outbox. */
export async function enqueueWebhooks(
  tx: Tx,
  events: readonly { complaintId: string; type: string; at?: Date; data: unknown }[],
) {
  if (events.length === 0) return;
  const hooks = await tx
    .select({ id: webhooks.id, events: webhooks.events })
    .from(webhooks)
    .where(eq(webhooks.active, true));
  const deliveries = hooks.flatMap((hook) =>
    events
      .filter((e) => hook.events.length === 0 || hook.events.includes(e.type))
      .map((e) => ({
        channel: "webhook",
        webhookId: hook.id,
        eventType: e.type,
        payload: {
          event: e.type,
          complaintId: e.complaintId,
          at: (e.at ?? new Date()).toISOString(),
          data: e.data,
        },
      })),
  );
  if (deliveries.length > 0) await tx.insert(outbox).values(deliveries);
}
