import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import type { Role } from "../../domain/access/roles.js";
import type { GrantingRole } from "../../domain/remedy/authority.js";
import type { RemedyType, StoredRemedyStatus } from "../../domain/remedy/remedy.js";
import { complaints } from "./cases.js";
import { at, createdAt, generatedId, requiredRef } from "./columns.js";
import { users } from "./staff.js";

// Money is whole fen in bigint columns (never numeric read as a float, never a JS float): the
// domain's money.ts converts yuan strings at the API's edge.
const fen = (name: string) => bigint(name, { mode: "number" });

/**
 * 授权: how much each role may grant on the spot, per case and per person per month, by type of
 * remedy; null is unlimited. A role without a row for a type may grant none of it. Seeded from
 * the domain's defaults (seeds/authority-limits.ts), edited by admins.
 */
export const authorityLimits = pgTable(
  "authority_limits",
  {
    role: text("role").$type<Role>().notNull(),
    type: text("type").$type<RemedyType>().notNull(),
    perCaseFen: fen("per_case_fen"),
    monthlyFen: fen("monthly_fen"),
  },
  (t) => [
    primaryKey({ columns: [t.role, t.type] }),
    check("authority_limits_fen_check", sql`per_case_fen >= 0 and monthly_fen >= 0`),
  ],
);

/**
 * 补救: a refund, fee waiver, compensation, gift or apology for a case. Once granted the row
 * never changes: a reversal is a row of `remedy_reversals`. A pending row changes once, when it
 * is approved or rejected.
 */
export const remedies = pgTable(
  "remedies",
  {
    id: generatedId(),
    complaintId: requiredRef("complaint_id", () => complaints.id),
    type: text("type").$type<RemedyType>().notNull(),
    amountFen: fen("amount_fen").notNull(),
    reason: text("reason").notNull(),
    status: text("status").$type<StoredRemedyStatus>().notNull(),
    requestedById: requiredRef("requested_by_id", () => users.id),
    /** Who must decide a remedy above the asker's authority; null when granted on the spot. */
    approverRole: text("approver_role").$type<GrantingRole>(),
    /** Who granted (the asker, on the spot), approved or rejected it, and when. */
    decidedById: uuid("decided_by_id").references(() => users.id),
    decidedAt: at("decided_at"),
    decisionNote: text("decision_note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("remedies_complaint_idx").on(t.complaintId, t.createdAt),
    index("remedies_created_idx").on(t.createdAt, t.id),
    // A person's grants this month, by type: the monthly limit reads it under the case's lock.
    index("remedies_decider_idx").on(t.decidedById, t.type, t.decidedAt),
    index("remedies_status_idx").on(t.status, t.createdAt),
    check("remedies_amount_fen_check", sql`amount_fen >= 0`),
    check("remedies_status_check", sql`status in ('granted', 'pending_approval', 'rejected')`),
  ],
);

/** 冲正: a granted remedy taken back, at most once (the primary key is the remedy). */
export const remedyReversals = pgTable("remedy_reversals", {
  remedyId: uuid("remedy_id")
    .primaryKey()
    .references(() => remedies.id),
  reason: text("reason").notNull(),
  reversedById: requiredRef("reversed_by_id", () => users.id),
  createdAt: createdAt(),
});
