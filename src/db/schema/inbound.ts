import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { TransferMapping } from "../../domain/transfer/transfer-row.js";
import { complaints } from "./cases.js";
import { createdAt, generatedId, versioned } from "./columns.js";

/**
 * An upper-level hotline (12345, 95598, 96169, 12378 …) that transfers work orders to us: how its
 * files are read, and the secret its pushes are signed with.
 */
export const transferSources = pgTable("transfer_sources", {
  id: generatedId(),
  name: text("name").notNull().unique(),
  /** Recorded as the complaint's source hotline. */
  hotline: text("hotline").notNull(),
  mapping: jsonb("mapping").$type<TransferMapping>().notNull(),
  /** HMAC-SHA256 key of its webhook pushes; null means it does not push. */
  webhookSecret: text("webhook_secret"),
  active: boolean("active").notNull().default(true),
  /** An edit names the version it was made on, so two admins' edits never overwrite each other. */
  ...versioned(),
});

export type InboundMailOutcome = "opened" | "joined" | "bounce" | "auto_reply" | "own_mail";

/**
 * Every mail received, by its Message-ID: a second delivery of the same mail does nothing, and a
 * customer's answer to an earlier mail of hers finds its case through In-Reply-To.
 */
export const inboundMails = pgTable(
  "inbound_mails",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    messageId: text("message_id").notNull(),
    sender: text("sender"),
    subject: text("subject"),
    outcome: text("outcome").$type<InboundMailOutcome>().notNull(),
    complaintId: uuid("complaint_id").references(() => complaints.id),
    receivedAt: createdAt(),
  },
  (t) => [
    uniqueIndex("inbound_mails_message_id_uq").on(t.messageId),
    index("inbound_mails_complaint_idx").on(t.complaintId).where(sql`complaint_id is not null`),
  ],
);
