import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { notifications } from "../../db/schema.js";
import { textShownTo } from "../../domain/customer/masking.js";
import { callerOf } from "../auth/caller.js";
import { notFound } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { notificationSchema } from "./notification.schemas.js";

/** The bell: each person reads and clears only their own notifications. */
export async function notificationRoutes(app: App) {
  app.get(
    "/notifications",
    {
      schema: {
        tags: ["notifications"],
        summary: "My notifications, newest first, with the unread count",
        querystring: z.object({
          unread: z.enum(["true", "false"]).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(notificationSchema), unreadCount: z.number() }),
        },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const mine = eq(notifications.userId, caller.id);
      const unreadOnly = request.query.unread === "true" ? isNull(notifications.readAt) : undefined;
      const items = await app.db
        .select()
        .from(notifications)
        .where(and(mine, unreadOnly))
        .orderBy(desc(notifications.createdAt))
        .limit(request.query.limit);
      const [unread] = await app.db
        .select({ n: count() })
        .from(notifications)
        .where(and(mine, isNull(notifications.readAt)));
      const shown = textShownTo(caller.role);
      return {
        items: items.map((n) => ({ ...n, data: shown(n.data as Record<string, unknown>) })),
        unreadCount: unread?.n ?? 0,
      };
    },
  );

  app.post(
    "/notifications/:id/read",
    {
      schema: {
        tags: ["notifications"],
        summary: "Mark one of my notifications read",
        params: idParams,
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const marked = await app.db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
        .where(and(eq(notifications.id, request.params.id), eq(notifications.userId, caller.id)))
        .returning({ id: notifications.id });
      if (marked.length === 0) throw notFound("notification");
      return reply.code(204).send();
    },
  );

  app.post(
    "/notifications/read-all",
    { schema: { tags: ["notifications"], summary: "Mark all my notifications read" } },
    async (request, reply) => {
      const caller = callerOf(request);
      await app.db
        .update(notifications)
        .set({ readAt: sql`now()` })
        .where(and(eq(notifications.userId, caller.id), isNull(notifications.readAt)));
      return reply.code(204).send();
    },
  );
}
