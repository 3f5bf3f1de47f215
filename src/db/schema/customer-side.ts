import { bigserial, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import type { Satisfaction } from "../../domain/complaint/complaint-lifecycle.js";
import { complaints } from "./cases.js";
import { at, createdAt, requiredRef, updatedAt } from "./columns.js";
import { users } from "./staff.js";

/**
 * One-time codes the portal sends by SMS to prove a phone: only their hash is kept, they expire
 * and allow a few tries (domain/portal/one-time-code.ts).
 */
export const portalCodes = pgTable(
  "portal_codes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Digits only, as customers.phone. */
    phone: text("phone").notNull(),
    codeHash: text("code_hash").notNull(),
    address: text("address").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
  },
  (t) => [index("portal_codes_phone_idx").on(t.phone, t.createdAt)],
);

/**
 * The portal's requests counted per phone and per address, kept in the database so the limits
 * hold across several kesu servers (as login_failures does for sign-in).
 */
export const portalHits = pgTable(
  "portal_hits",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** e.g. `code:phone:13800138000`, `track:address:10.0.0.1`. */
    key: text("key").notNull(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [index("portal_hits_key_idx").on(t.key, t.at)],
);

/** The access code a customer tracks a case with (sent in the acknowledgement), as a hash. */
export const portalAccess = pgTable("portal_access", {
  complaintId: requiredRef("complaint_id", () => complaints.id).primaryKey(),
  codeHash: text("code_hash").notNull(),
  createdAt: createdAt(),
});

/** 满意度评价: a one-time link sent after a reply or closing; answered once. */
export const surveys = pgTable(
  "surveys",
  {
    /** sha256 of the link's token. */
    tokenHash: text("token_hash").primaryKey(),
    complaintId: requiredRef("complaint_id", () => complaints.id),
    /** What the survey follows: `replied` or `closed`. */
    after: text("after").notNull(),
    createdAt: createdAt(),
    answeredAt: at("answered_at"),
    satisfaction: text("satisfaction").$type<Satisfaction>(),
    comment: text("comment"),
  },
  (t) => [index("surveys_complaint_idx").on(t.complaintId, t.createdAt)],
);

/** An admin's wording of a message to customers, replacing the built-in one (customer-messages). */
export const customerMessageTemplates = pgTable(
  "customer_message_templates",
  {
    event: text("event").notNull(),
    locale: text("locale").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedById: uuid("updated_by_id").references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.event, t.locale] })],
);
