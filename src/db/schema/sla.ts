import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { callbacks, complaints, workOrders } from "./cases.js";
import { at, createdAt, generatedId, requiredRef, rowVersion, updatedAt } from "./columns.js";
import { qualityCases } from "./quality.js";
import { remedies } from "./remedies.js";
import { users } from "./staff.js";

/** Working time of the organisation; clocks in working days and minutes count only inside it. */
export const workCalendars = pgTable("work_calendars", {
  id: text("id").primaryKey(),
  timeZone: text("time_zone").notNull(),
  /** [{ start: "09:00", end: "12:00" }, …] */
  workingHours: jsonb("working_hours").notNull(),
  /** ISO weekdays, Monday = 1. */
  workingWeekdays: integer("working_weekdays").array().notNull(),
  updatedAt: updatedAt(),
});

/** Public holidays and make-up working days (调休), entered by admins; seeded with China's table. */
export const calendarDays = pgTable(
  "calendar_days",
  {
    calendarId: text("calendar_id")
      .notNull()
      .references(() => workCalendars.id),
    /** Local date, YYYY-MM-DD. */
    date: text("date").notNull(),
    kind: text("kind").notNull(),
    name: text("name"),
  },
  (t) => [primaryKey({ columns: [t.calendarId, t.date] })],
);

/** Ordered SLA policies; the first active one whose match accepts a complaint sets its clocks. */
export const slaPolicies = pgTable("sla_policies", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  sortOrder: integer("sort_order").notNull(),
  match: jsonb("match").notNull(),
  targets: jsonb("targets").notNull(),
  warnAtShare: numeric("warn_at_share", { precision: 4, scale: 3, mode: "number" }),
  actionsOnBreach: jsonb("actions_on_breach").notNull().default([]),
  extension: jsonb("extension"),
  active: boolean("active").notNull().default(true),
  /** An edit names the version it was made on, so two admins' edits never overwrite each other. */
  version: rowVersion(),
});

/**
 * One statutory clock on a complaint or a department's work order. `next_event_at` is the next
 * instant the sweep must look at it (warning, then breach), null when nothing more can happen,
 * so the sweep reads only clocks with something due.
 */
export const slaClocks = pgTable(
  "sla_clocks",
  {
    id: generatedId(),
    /** The complaint, for every clock but a quality case's discipline clocks. */
    complaintId: uuid("complaint_id").references(() => complaints.id),
    workOrderId: uuid("work_order_id").references(() => workOrders.id),
    callbackId: uuid("callback_id").references(() => callbacks.id),
    /** The pending remedy a `remedyApproval` clock waits on. */
    remedyId: uuid("remedy_id").references(() => remedies.id),
    /** The 8D whose discipline a `quality_dN` clock times (it has no complaint). */
    qualityCaseId: uuid("quality_case_id").references(() => qualityCases.id),
    /** firstResponse, customerReply, departmentAcceptance, departmentResult, followUp, resolution, callback, remedyApproval… */
    name: text("name").notNull(),
    policyId: text("policy_id"),
    startedAt: at("started_at").notNull(),
    target: jsonb("target").notNull(),
    dueAt: at("due_at").notNull(),
    warnAtShare: numeric("warn_at_share", { precision: 4, scale: 3, mode: "number" }),
    pauses: jsonb("pauses").notNull().default([]),
    extensions: jsonb("extensions").notNull().default([]),
    stoppedAt: at("stopped_at"),
    warnedAt: at("warned_at"),
    breachedAt: at("breached_at"),
    nextEventAt: at("next_event_at"),
  },
  (t) => [
    index("sla_clocks_complaint_idx").on(t.complaintId),
    index("sla_clocks_next_event_idx").on(t.nextEventAt).where(sql`next_event_at is not null`),
    index("sla_clocks_quality_case_idx")
      .on(t.qualityCaseId)
      .where(sql`quality_case_id is not null`),
    check("sla_clocks_subject_check", sql`(complaint_id is null) <> (quality_case_id is null)`),
    // Running clocks whose warning or breach has fired: the cases that need attention now (the
    // queue's `sla` filter and its "how late" order). Few at any size: a clock leaves the index
    // when it stops, and an extension clears both marks.
    index("sla_clocks_fired_idx")
      .on(t.complaintId)
      .where(sql`stopped_at is null and (warned_at is not null or breached_at is not null)`),
  ],
);

/** 延期申请: the handler asks before the deadline; a supervisor (or admin, per policy) decides. */
export const extensionRequests = pgTable(
  "extension_requests",
  {
    id: generatedId(),
    complaintId: requiredRef("complaint_id", () => complaints.id),
    requestedById: requiredRef("requested_by_id", () => users.id),
    reason: text("reason").notNull(),
    newDueAt: at("new_due_at").notNull(),
    /** Who must decide, from the policy: supervisor or admin. */
    approver: text("approver").notNull(),
    status: text("status").notNull().default("pending"),
    decidedById: uuid("decided_by_id").references(() => users.id),
    decidedAt: at("decided_at"),
    decisionNote: text("decision_note"),
    createdAt: createdAt(),
  },
  (t) => [index("extension_requests_status_idx").on(t.status, t.createdAt)],
);
