import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import type { ActionStatus } from "../../domain/improvement/improvement-actions.js";
import { at, createdAt, generatedId, requiredRef, rowVersion, updatedAt } from "./columns.js";
import { qualityCases } from "./quality.js";
import { departments, users } from "./staff.js";

/**
 * 整改措施: what the center does about a cause or category, with an owner and a due date, until
 * it is verified. `version` grows with every change: an edit names the version it read and a
 * stale one is refused (409 version_conflict).
 */
export const improvementActions = pgTable(
  "improvement_actions",
  {
    id: generatedId(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    ownerId: requiredRef("owner_id", () => users.id),
    departmentId: uuid("department_id").references(() => departments.id),
    /** A day in the center's time zone. */
    dueDate: date("due_date").notNull(),
    status: text("status").$type<ActionStatus>().notNull().default("open"),
    /** Term codes of the lists `cause` and `category`; at least one is set. */
    cause: text("cause"),
    category: text("category"),
    qualityCaseId: uuid("quality_case_id").references(() => qualityCases.id),
    /** The owner's latest word on progress. */
    progressNote: text("progress_note").notNull().default(""),
    version: rowVersion(),
    createdById: requiredRef("created_by_id", () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    doneAt: at("done_at"),
    verifiedAt: at("verified_at"),
    verifiedById: uuid("verified_by_id").references(() => users.id),
    verificationNote: text("verification_note"),
    /** When the owner was told it is overdue (once per due date). */
    overdueNotifiedAt: at("overdue_notified_at"),
  },
  (t) => [
    index("improvement_actions_status_idx").on(t.status, t.dueDate),
    index("improvement_actions_owner_idx").on(t.ownerId),
    check(
      "improvement_actions_status_check",
      sql`status in ('open', 'in_progress', 'done', 'verified')`,
    ),
    check("improvement_actions_link_check", sql`cause is not null or category is not null`),
  ],
);

/** The append-only history of an action, with the agent number of whoever acted. */
export const improvementActionEvents = pgTable(
  "improvement_action_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actionId: requiredRef("action_id", () => improvementActions.id),
    type: text("type").notNull(),
    at: at("at").notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    actorAgentNo: text("actor_agent_no"),
    actorName: text("actor_name"),
    data: jsonb("data").notNull().default({}),
  },
  (t) => [index("improvement_action_events_action_idx").on(t.actionId, t.id)],
);

/**
 * 月度投诉分析 made by the job, one row per month: the key that lets one server of several make
 * and mail it, and the record of when it was.
 */
export const monthlyAnalyses = pgTable("monthly_analyses", {
  month: text("month").primaryKey(),
  generatedAt: at("generated_at").notNull().defaultNow(),
  recipients: integer("recipients").notNull().default(0),
});

/** Staff who receive the monthly analysis by mail (`PUT /me/subscriptions`). */
export const analysisSubscriptions = pgTable("analysis_subscriptions", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  createdAt: createdAt(),
});
