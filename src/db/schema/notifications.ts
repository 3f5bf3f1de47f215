import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { complaints } from "./cases.js";
import { at, createdAt, generatedId, requiredRef } from "./columns.js";
import { users } from "./staff.js";

/** In-app notifications (the bell). */
export const notifications = pgTable(
  "notifications",
  {
    id: generatedId(),
    userId: requiredRef("user_id", () => users.id),
    complaintId: uuid("complaint_id").references(() => complaints.id),
    type: text("type").notNull(),
    data: jsonb("data").notNull().default({}),
    createdAt: createdAt(),
    readAt: at("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/** Outbound webhooks an admin subscribes to timeline events; bodies are signed with the secret. */
export const webhooks = pgTable("webhooks", {
  id: generatedId(),
  url: text("url").notNull(),
  secret: text("secret").notNull(),
  /** Timeline event types (sla_breached, created, replied…); empty means all. */
  events: text("events").array().notNull().default(sql`'{}'::text[]`),
  active: boolean("active").notNull().default(true),
  createdAt: createdAt(),
});

/**
 * Mail and webhook deliveries, written in the transaction of the change that caused them and
 * sent after it commits, so sending never blocks or rolls back the request. Also the delivery log.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** email or webhook */
    channel: text("channel").notNull(),
    webhookId: uuid("webhook_id").references(() => webhooks.id),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** Null once delivered or given up. */
    nextAttemptAt: at("next_attempt_at").defaultNow(),
    deliveredAt: at("delivered_at"),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_due_idx").on(t.nextAttemptAt).where(sql`next_attempt_at is not null`),
    index("outbox_webhook_idx").on(t.webhookId, t.createdAt),
  ],
);
