import { desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { outbox, webhooks } from "../../db/schema.js";
import { canManageStaff } from "../../domain/access/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { callerWith } from "../auth/caller.js";
import { newSecret } from "../auth/secrets.js";
import { notFound } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";

const webhookSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.date(),
});
const webhookFields = {
  url: z.url({ protocol: /^https?$/ }),
  /** Timeline event types, e.g. sla_breached, created, replied; empty for all. */
  events: z.array(z.string().regex(/^[a-z_]+$/)).max(50),
  active: z.boolean(),
};
const webhookInput = z.object({
  ...webhookFields,
  events: webhookFields.events.default([]),
  active: webhookFields.active.default(true),
});
// Without defaults: a field left out of an edit keeps its value (a paused hook stays paused).
const webhookChanges = z.strictObject(webhookFields).partial();
const deliverySchema = z.object({
  id: z.number(),
  channel: z.string(),
  eventType: z.string(),
  attempts: z.number(),
  deliveredAt: z.date().nullable(),
  nextAttemptAt: z.date().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
});
const present = ({ secret: _secret, ...hook }: typeof webhooks.$inferSelect) => hook;
const deliveryColumns = {
  id: outbox.id,
  channel: outbox.channel,
  eventType: outbox.eventType,
  attempts: outbox.attempts,
  deliveredAt: outbox.deliveredAt,
  nextAttemptAt: outbox.nextAttemptAt,
  lastError: outbox.lastError,
  createdAt: outbox.createdAt,
};

/** Outbound webhooks and the delivery log (mail and webhooks), for admins. */
export async function webhookRoutes(app: App) {
  app.get(
    "/webhooks",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Webhook subscriptions (admin)",
        response: { 200: z.object({ items: z.array(webhookSchema) }) },
      },
    },
    async (request) => {
      callerWith(request, canManageStaff);
      return {
        items: (await app.db.select().from(webhooks).orderBy(desc(webhooks.createdAt))).map(
          present,
        ),
      };
    },
  );

  app.post(
    "/webhooks",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Subscribe a URL to timeline events; the signing secret is shown once (admin)",
        body: webhookInput,
        response: { 201: webhookSchema.extend({ secret: z.string() }) },
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canManageStaff);
      const secret = newSecret("whsec_");
      const hook = await app.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(webhooks)
          .values({ ...request.body, secret })
          .returning();
        await recordAudit(tx, caller, "create", "webhook", row!.id, request.body);
        return row!;
      });
      return reply.code(201).send({ ...present(hook), secret });
    },
  );

  app.patch(
    "/webhooks/:id",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Change or pause a webhook (admin)",
        params: idParams,
        body: webhookChanges,
        response: { 200: webhookSchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canManageStaff);
      return app.db.transaction(async (tx) => {
        const [row] = await tx
          .update(webhooks)
          .set(request.body)
          .where(eq(webhooks.id, request.params.id))
          .returning();
        if (!row) throw notFound("webhook");
        await recordAudit(tx, caller, "update", "webhook", row.id, request.body);
        return present(row);
      });
    },
  );

  app.get(
    "/webhooks/:id/deliveries",
    {
      schema: {
        tags: ["webhooks"],
        summary: "A webhook's delivery log, newest first (admin)",
        params: idParams,
        response: { 200: z.object({ items: z.array(deliverySchema) }) },
      },
    },
    async (request) => {
      callerWith(request, canManageStaff);
      const items = await app.db
        .select(deliveryColumns)
        .from(outbox)
        .where(eq(outbox.webhookId, request.params.id))
        .orderBy(desc(outbox.id))
        .limit(100);
      return { items };
    },
  );

  app.post(
    "/outbox/:id/replay",
    {
      schema: {
        tags: ["webhooks"],
        summary: "Send a delivery again now (admin)",
        params: z.object({ id: z.coerce.number().int().positive() }),
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canManageStaff);
      await app.db.transaction(async (tx) => {
        const [row] = await tx
          .update(outbox)
          .set({ nextAttemptAt: sql`now()`, attempts: 0, lastError: null })
          .where(eq(outbox.id, request.params.id))
          .returning({ id: outbox.id });
        if (!row) throw notFound("delivery");
        await recordAudit(tx, caller, "replay", "outbox", String(row.id));
      });
      return reply.code(204).send();
    },
  );
}
