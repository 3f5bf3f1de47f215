import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { Discipline } from "../../domain/quality/disciplines.js";
import type { StepStatus } from "../../domain/quality/steps.js";
import { complaints } from "./cases.js";
import { at, createdAt, generatedId, requiredRef, rowVersion, updatedAt } from "./columns.js";
import { users } from "./staff.js";

/** The last number given per year: 8D-2026-0001, 8D-2026-0002… */
export const qualityCaseCounters = pgTable("quality_case_counters", {
  year: integer("year").primaryKey(),
  last: integer("last").notNull(),
});

/** 质量问题 / 8D报告: a product-quality problem worked by a team in eight disciplines. */
export const qualityCases = pgTable(
  "quality_cases",
  {
    id: generatedId(),
    number: text("number").notNull(),
    title: text("title").notNull(),
    product: text("product").notNull(),
    model: text("model"),
    batch: text("batch"),
    serials: text("serials").array().notNull().default(sql`'{}'::text[]`),
    /** open, or closed once D8 is approved. */
    status: text("status").notNull().default("open"),
    openedById: requiredRef("opened_by_id", () => users.id),
    createdAt: createdAt(),
    closedAt: at("closed_at"),
  },
  (t) => [
    unique("quality_cases_number_unique").on(t.number),
    index("quality_cases_status_idx").on(t.status, t.createdAt),
    check("quality_cases_status_check", sql`status in ('open', 'closed')`),
  ],
);

/**
 * One discipline of a case: its record (JSON, the domain's shape for the discipline), owner,
 * due date and status. `version` grows with every change: an edit names the version it read and
 * a stale one is refused (409 version_conflict).
 */
export const qualityCaseSteps = pgTable(
  "quality_case_steps",
  {
    caseId: requiredRef("case_id", () => qualityCases.id),
    discipline: text("discipline").$type<Discipline>().notNull(),
    status: text("status").$type<StepStatus>().notNull().default("draft"),
    data: jsonb("data").notNull().default({}),
    version: rowVersion(),
    ownerId: uuid("owner_id").references(() => users.id),
    dueAt: at("due_at").notNull(),
    updatedById: uuid("updated_by_id").references(() => users.id),
    updatedAt: updatedAt(),
    submittedById: uuid("submitted_by_id").references(() => users.id),
    submittedAt: at("submitted_at"),
    approvedById: uuid("approved_by_id").references(() => users.id),
    approvedAt: at("approved_at"),
    /** The comment a step was last sent back with. */
    sentBackComment: text("sent_back_comment"),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.discipline] }),
    check(
      "quality_case_steps_status_check",
      sql`status in ('draft', 'submitted', 'approved', 'sent_back')`,
    ),
  ],
);

/** The complaints a case answers; a complaint belongs to at most one 8D. */
export const qualityCaseComplaints = pgTable(
  "quality_case_complaints",
  {
    caseId: requiredRef("case_id", () => qualityCases.id),
    complaintId: requiredRef("complaint_id", () => complaints.id),
    linkedById: requiredRef("linked_by_id", () => users.id),
    linkedAt: at("linked_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.complaintId] }),
    unique("quality_case_complaints_complaint_unique").on(t.complaintId),
  ],
);

/** The append-only timeline of a case, with the agent number of whoever acted. */
export const qualityCaseEvents = pgTable(
  "quality_case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: requiredRef("case_id", () => qualityCases.id),
    type: text("type").notNull(),
    discipline: text("discipline").$type<Discipline>(),
    at: at("at").notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    actorAgentNo: text("actor_agent_no"),
    actorName: text("actor_name"),
    data: jsonb("data").notNull().default({}),
  },
  (t) => [index("quality_case_events_case_idx").on(t.caseId, t.id)],
);

/** The admin's due-date policy per discipline (one row, `default`); the domain's defaults fill gaps. */
export const qualityDuePolicies = pgTable("quality_due_policies", {
  id: text("id").primaryKey(),
  targets: jsonb("targets").notNull(),
  updatedAt: updatedAt(),
});
