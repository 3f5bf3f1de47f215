import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  ComplaintKind,
  ComplaintStatus,
  Satisfaction,
} from "../../domain/complaint/complaint-lifecycle.js";
import { complaints } from "./cases.js";
import { at } from "./columns.js";

/**
 * 报表事实: one row per complaint with every fact a KPI reads and every dimension a report groups
 * or filters by (server/reports/case-facts.sql.ts computes them from the case's tables). Reports
 * aggregate this narrow table instead of probing six tables per case; it is brought up to date
 * from `report_facts_stale` before each report and by the `report-facts` job.
 */
export const reportCaseFacts = pgTable(
  "report_case_facts",
  {
    complaintId: uuid("complaint_id")
      .primaryKey()
      .references(() => complaints.id, { onDelete: "cascade" }),
    receivedAt: at("received_at").notNull(),
    status: text("status").$type<ComplaintStatus>().notNull(),
    dueAt: at("due_at"),
    closedAt: at("closed_at"),
    satisfaction: text("satisfaction").$type<Satisfaction>(),
    reopenCount: integer("reopen_count").notNull(),
    escalationLevel: integer("escalation_level").notNull(),
    transferred: boolean("transferred").notNull(),
    repeat: boolean("repeat").notNull(),
    substantiated: boolean("substantiated").notNull(),
    ownerId: uuid("owner_id"),
    category: text("category"),
    causes: text("causes").array().notNull(),
    channel: text("channel").notNull(),
    businessType: text("business_type"),
    kind: text("kind").$type<ComplaintKind>().notNull(),
    product: text("product"),
    source: text("source").notNull(),
    leadOrders: integer("lead_orders").notNull(),
    returnedOrders: integer("returned_orders").notNull(),
    leadDepartmentId: uuid("lead_department_id"),
    /** Every department with an order on the case: a department handler's report scope. */
    departmentIds: uuid("department_ids").array().notNull(),
    lastReplyAt: at("last_reply_at"),
    firstResponseAt: at("first_response_at"),
    inboundContacts: integer("inbound_contacts").notNull(),
    pauses: jsonb("pauses").notNull(),
    remedyFen: bigint("remedy_fen", { mode: "number" }).notNull(),
    cameBackSoon: boolean("came_back_soon").notNull(),
  },
  (t) => [index("report_case_facts_received_idx").on(t.receivedAt)],
);

/**
 * The complaints whose facts may be out of date, marked by triggers (migration 0037) in the
 * transaction of the change itself, so no change is missed however it was written.
 */
export const reportFactsStale = pgTable("report_facts_stale", {
  complaintId: uuid("complaint_id").primaryKey(),
  markedAt: at("marked_at").notNull().default(sql`now()`),
});

/**
 * 报表日汇总: the facts of the cases received on one of the center's days, summed per report
 * grouping and key (`total` has one row a day), so a month's report reads a few hundred rows
 * instead of every case (server/reports/report-rollup.sql.ts builds and reads it). Backlog is
 * kept as when the day's cases closed: open now, or closed on `late_day` (how many, the first
 * received), so it can be judged at any period's end.
 */
/** A rollup row's columns, a day's (`day`) or a whole month's (`day` is its first). */
const rollupColumns = () => ({
  day: date("day").notNull(),
  grouping: text("grouping").notNull(),
  key: text("key"),
  /** The summed parts of the KPIs, in the order domain/kpi/rollup-layout.ts gives. */
  sums: bigint("sums", { mode: "number" }).array().notNull(),
  openCount: integer("open_count").notNull(),
  openFirst: at("open_first"),
  lateDay: date("late_day").array().notNull(),
  lateCount: integer("late_count").array().notNull(),
  lateFirst: at("late_first").array().notNull(),
  /** Per median KPI (layout order), how many of its durations fall in each duration bucket. */
  buckets: integer("buckets").array().notNull(),
});

export const reportRollup = pgTable("report_rollup", rollupColumns(), (t) => [
  index("report_rollup_grouping_day_idx").on(t.grouping, t.day),
]);

/**
 * The day rows of a month that has ended, added up: a year's report reads twelve rows a group
 * instead of 365. Kept only for the months in `reportRollupMonths`.
 */
export const reportRollupMonth = pgTable("report_rollup_month", rollupColumns(), (t) => [
  index("report_rollup_month_grouping_day_idx").on(t.grouping, t.day),
]);

/** The months whose monthly rows are built and current: a day rebuilt takes its month off. */
export const reportRollupMonths = pgTable("report_rollup_months", {
  month: date("month").primaryKey(),
});

/** A durations row's columns, a day's or a whole month's (`day` is its first). */
const durationColumns = () => ({
  day: date("day").notNull(),
  grouping: text("grouping").notNull(),
  key: text("key"),
  kpi: text("kpi").notNull(),
  bucket: smallint("bucket").notNull(),
  ms: doublePrecision("ms").array().notNull(),
});

/**
 * The durations a median KPI takes, per rollup row and duration bucket: medians do not add up, so
 * they are kept, and a report sorts only the bucket its median falls in.
 */
export const reportRollupDurations = pgTable("report_rollup_durations", durationColumns(), (t) => [
  index("report_rollup_durations_bucket_idx").on(t.grouping, t.key, t.kpi, t.bucket, t.day),
]);

/** The durations of a built month (`reportRollupMonths`) together, as its monthly rows are. */
export const reportRollupDurationsMonth = pgTable(
  "report_rollup_durations_month",
  durationColumns(),
  (t) => [
    index("report_rollup_durations_month_bucket_idx").on(t.grouping, t.key, t.kpi, t.bucket, t.day),
  ],
);

/** Days whose rollup is out of date: marked with the facts that changed, in their transaction. */
export const reportRollupStale = pgTable("report_rollup_stale", {
  day: date("day").primaryKey(),
});

/**
 * What the rollup was built with: the center's time zone (its days) and the KPI layout. When
 * either changes, every day is rebuilt.
 */
export const reportRollupState = pgTable("report_rollup_state", {
  id: integer("id").primaryKey().default(1),
  timeZone: text("time_zone").notNull(),
  layout: text("layout").notNull(),
});
