import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  CallbackStatus,
  ComplaintFlag,
  ComplaintType,
  ContactDirection,
  Mentality,
  Severity,
} from "../../domain/complaint/case-attributes.js";
import {
  type ComplaintKind,
  type ComplaintStatus,
  finishedStatuses,
  type Satisfaction,
} from "../../domain/complaint/complaint-lifecycle.js";
import type { CloseReasonCode, ContactOutcome } from "../../domain/complaint/follow-up-rules.js";
import type { CaseResponsibility } from "../../domain/complaint/judgement.js";
import type {
  Responsibility,
  WorkOrderStatus,
} from "../../domain/complaint/work-order-lifecycle.js";
import type { RiskLevel, RiskReason } from "../../domain/risk/escalation-risk.js";
import {
  at,
  bytea,
  createdAt,
  generatedId,
  requiredRef,
  rowVersion,
  updatedAt,
  versioned,
} from "./columns.js";
import { qualityCases } from "./quality.js";
import { departments, users } from "./staff.js";

export const customers = pgTable(
  "customers",
  {
    id: generatedId(),
    name: text("name").notNull(),
    /** Digits only, country code stripped, so every spelling of a number finds the same customer. */
    phone: text("phone"),
    idNumber: text("id_number"),
    accountNo: text("account_no"),
    email: text("email"),
    address: text("address"),
    /** The language kesu writes to them in (zh-CN, en); null is the center's, zh-CN. */
    locale: text("locale"),
    ...versioned(),
  },
  (t) => [
    uniqueIndex("customers_phone_uq").on(t.phone),
    index("customers_id_number_idx").on(t.idNumber),
    index("customers_account_no_idx").on(t.accountNo),
    // The intake box finds a caller by email as typed in any letter case.
    index("customers_email_idx").on(sql`lower(${t.email})`),
  ],
);

export const complaintNumberSeq = pgSequence("complaint_number_seq");

/**
 * The finished statuses spelt out in SQL, not as parameters: the open cases' partial indexes
 * below have this predicate, and PostgreSQL uses them only for a query that spells it alike.
 */
export const finishedStatusList = sql.raw(finishedStatuses.map((s) => `'${s}'`).join(", "));

export const complaints = pgTable(
  "complaints",
  {
    id: generatedId(),
    number: text("number").notNull().unique(),
    kind: text("kind").$type<ComplaintKind>().notNull(),
    channel: text("channel").notNull(),
    sourceType: text("source_type").notNull().default("direct"),
    sourceHotline: text("source_hotline"),
    sourceExternalNo: text("source_external_no"),
    sourceExternalDueAt: at("source_external_due_at"),
    customerId: requiredRef("customer_id", () => customers.id),
    subject: text("subject").notNull(),
    description: text("description").notNull(),
    demand: text("demand"),
    demandAmount: numeric("demand_amount", { precision: 14, scale: 2 }),
    category: text("category"),
    businessType: text("business_type"),
    causes: text("causes").array().notNull().default(sql`'{}'::text[]`),
    severity: text("severity").$type<Severity>().notNull().default("normal"),
    mentality: text("mentality").$type<Mentality>(),
    /** Seed 001's cause of a product complaint (case-attributes.ts `complaintTypes`). */
    complaintType: text("complaint_type").$type<ComplaintType>(),
    complainedBranch: text("complained_branch"),
    complainedEmployee: text("complained_employee"),
    complainedProduct: text("complained_product"),
    flags: text("flags").array().$type<ComplaintFlag[]>().notNull().default(sql`'{}'::text[]`),
    ownerId: uuid("owner_id").references(() => users.id),
    status: text("status").$type<ComplaintStatus>().notNull(),
    version: rowVersion(),
    reopenCount: integer("reopen_count").notNull().default(0),
    escalationLevel: integer("escalation_level").notNull().default(0),
    resolution: text("resolution"),
    /**
     * The case's finding: 属实 and whose fault. The lead department's result proposes it; the
     * owner's own finding (finding_at set) replaces it and is what a close waits for.
     */
    substantiated: boolean("substantiated"),
    responsibility: text("responsibility").$type<CaseResponsibility>(),
    findingNote: text("finding_note"),
    findingById: uuid("finding_by_id").references(() => users.id),
    findingAt: at("finding_at"),
    satisfaction: text("satisfaction").$type<Satisfaction>(),
    closeReason: text("close_reason"),
    /** Why a replied case closed without a follow-up visit (follow-up-rules.ts `closeReasonCodes`). */
    closeReasonCode: text("close_reason_code").$type<CloseReasonCode>(),
    mergedIntoId: uuid("merged_into_id"),
    /** The reply deadline in force; every complaint has one (its policy's, else the default by kind). */
    dueAt: at("due_at").notNull(),
    receivedAt: at("received_at").notNull().defaultNow(),
    createdById: requiredRef("created_by_id", () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: at("closed_at"),
    /**
     * 越级投诉风险 as last scored (case/case-risk.ts), rewritten with every change that can move
     * it; null until first scored (rows older than the column: the risk-backfill job scores them).
     */
    riskLevel: text("risk_level").$type<RiskLevel>(),
    riskScore: integer("risk_score").notNull().default(0),
    riskReasons: jsonb("risk_reasons").$type<RiskReason[]>().notNull().default([]),
    /**
     * When time alone next moves the stored risk (a contact leaving the 30-day window); null when
     * nothing is waiting. The risk-rescore job scores again the open cases whose moment has come.
     */
    riskRecheckAt: at("risk_recheck_at"),
    /**
     * What search looks in of the complaint itself (kesu_search_text), refreshed whenever it
     * changes; what is written on the case later is in case_texts.
     */
    searchText: text("search_text").notNull().default(""),
    /** Its character pairs and digit 4-grams, for the GIN candidate filter (see migration 0013). */
    searchGrams: text("search_grams")
      .array()
      .generatedAlwaysAs(sql`kesu_search_grams(search_text)`),
  },
  (t) => [
    // Written straight into the index (no pending list): a pending list makes every search scan
    // it and, when full, one unlucky write merge it while others queue (see docs/scaling.md).
    index("complaints_search_grams_idx").using("gin", t.searchGrams).with({ fastupdate: false }),
    // The work queue: open cases, due first. The predicate is spelt as the queue's filter is.
    // Migration 0011 adds INCLUDE (kind, category), so view counts need not visit the rows.
    index("complaints_open_due_idx")
      .on(t.dueAt, t.id)
      .where(sql`status not in (${finishedStatusList})`),
    // A person's open cases, due first: "my queue" and the per-owner view counts.
    index("complaints_open_owner_due_idx")
      .on(t.ownerId, t.dueAt)
      .where(sql`status not in (${finishedStatusList})`),
    // Open cases by id: the probe view counts make for a department's or a category's cases.
    index("complaints_open_id_idx").on(t.id).where(sql`status not in (${finishedStatusList})`),
    // The high-risk view and the queue's risk filter: open cases of a level, due first.
    index("complaints_open_risk_idx")
      .on(t.riskLevel, t.dueAt, t.id)
      .where(sql`status not in (${finishedStatusList})`),
    // The queue's 越级风险 order (sort=risk): open cases, highest score first, then due. The score
    // is negated so one ascending row comparison (the page cursor) is the index's own condition.
    index("complaints_open_risk_score_idx")
      .on(sql`(-risk_score)`, t.dueAt, t.id)
      .where(sql`status not in (${finishedStatusList})`),
    // What the risk-rescore job has to look at: few rows, the earliest first.
    index("complaints_risk_recheck_idx")
      .on(t.riskRecheckAt)
      .where(sql`risk_recheck_at is not null`),
    // What the backfill still has to score; empty once it has run.
    index("complaints_unscored_risk_idx").on(t.id).where(sql`risk_level is null`),
    index("complaints_customer_idx").on(t.customerId, t.createdAt),
    index("complaints_created_idx").on(t.createdAt, t.id),
    // The reports' period: cases by the day they were received (server/reports).
    index("complaints_received_idx").on(t.receivedAt),
    index("complaints_status_idx").on(t.status, t.createdAt),
    index("complaints_owner_idx").on(t.ownerId, t.createdAt),
    // An upper-level hotline's own number (12345's 工单号), typed in the intake box.
    index("complaints_external_no_idx")
      .on(t.sourceExternalNo)
      .where(sql`source_external_no is not null`),
  ],
);

/** 派单: one department's share of a complaint, with its own status. */
export const workOrders = pgTable(
  "work_orders",
  {
    id: generatedId(),
    complaintId: requiredRef("complaint_id", () => complaints.id),
    departmentId: requiredRef("department_id", () => departments.id),
    /** 主办 (lead) or 协办 (co-handling). */
    lead: boolean("lead").notNull(),
    /** The complaint's reopen count at dispatch, so results of an earlier round don't count after 重办. */
    round: integer("round").notNull().default(0),
    status: text("status").$type<WorkOrderStatus>().notNull(),
    instructions: text("instructions"),
    dispatchedById: requiredRef("dispatched_by_id", () => users.id),
    dispatchedAt: at("dispatched_at").notNull().defaultNow(),
    acceptedAt: at("accepted_at"),
    returnReason: text("return_reason"),
    result: text("result"),
    substantiated: boolean("substantiated"),
    responsibility: text("responsibility").$type<Responsibility>(),
    completedAt: at("completed_at"),
    /**
     * When the order left the department's hands: its result (= completed_at), its return (退单)
     * or its cancellation (the case withdrawn or merged). The inbox shows it instead of a
     * countdown and lists finished orders by it, newest first.
     */
    finishedAt: at("finished_at"),
    version: rowVersion(),
  },
  (t) => [
    index("work_orders_complaint_idx").on(t.complaintId),
    index("work_orders_department_idx").on(t.departmentId, t.status, t.dispatchedAt),
    // A department's finished orders (one tab each: completed, returned, cancelled), latest first.
    index("work_orders_department_finished_idx").on(t.departmentId, t.status, t.finishedAt),
    // A department's complaints (its handlers' scope), whatever the orders' status.
    index("work_orders_department_complaint_idx").on(t.departmentId, t.complaintId),
  ],
);

/** The append-only history of a complaint; a trigger refuses updates and deletes. */
export const timelineEvents = pgTable(
  "timeline_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    complaintId: requiredRef("complaint_id", () => complaints.id),
    type: text("type").notNull(),
    /**
     * Now, or the step's own time when a history import sets `kesu.event_time` in its
     * transaction (migration 0040): the months before kesu are counted as they happened.
     */
    at: at("at").notNull().default(sql`kesu_event_time()`),
    actorId: uuid("actor_id").references(() => users.id),
    actorAgentNo: text("actor_agent_no"),
    actorName: text("actor_name"),
    /** Replies are shown to the customer; everything else is internal. */
    customerVisible: boolean("customer_visible").notNull().default(false),
    data: jsonb("data").notNull().default({}),
  },
  (t) => [index("timeline_complaint_idx").on(t.complaintId, t.id)],
);

/**
 * The words people write on a case after intake — a note, a reply, a contact's summary — each
 * searchable in a row of its own (its text from `kesu_event_text`, written with its timeline
 * event). Search reads these beside the complaint's own text, so a note inserts its few dozen keys
 * here instead of rewriting the complaint's row and every index on it (docs/scaling.md).
 */
export const caseTexts = pgTable(
  "case_texts",
  {
    /**
     * Its timeline event. No foreign key: the timeline is append-only, and a TRUNCATE of it is to
     * meet that refusal (append-only.test.ts), not a referencing table's.
     */
    eventId: bigint("event_id", { mode: "number" }).primaryKey(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    /**
     * The complaint's created_at (which never changes), so a search of the newest cases reads only
     * their texts: without it, a phrase of many replies (致歉) read all of them to find a page.
     */
    complaintCreatedAt: at("complaint_created_at").notNull(),
    text: text("text").notNull(),
    /** Its keys, as the complaint's search_grams (migration 0013). */
    searchGrams: text("search_grams").array().generatedAlwaysAs(sql`kesu_search_grams(text)`),
  },
  (t) => [
    // No pending list, as the complaints' search index (see there).
    index("case_texts_search_grams_idx").using("gin", t.searchGrams).with({ fastupdate: false }),
    index("case_texts_complaint_idx").on(t.complaintId),
    index("case_texts_complaint_created_idx").on(t.complaintCreatedAt),
  ],
);

export const contacts = pgTable(
  "contacts",
  {
    id: generatedId(),
    customerId: requiredRef("customer_id", () => customers.id),
    complaintId: uuid("complaint_id").references(() => complaints.id),
    direction: text("direction").$type<ContactDirection>().notNull(),
    channel: text("channel").notNull(),
    summary: text("summary").notNull(),
    agentId: requiredRef("agent_id", () => users.id),
    agentNo: text("agent_no").notNull(),
    /** The telephony system's id of the call, when the contact came from a screen-pop. */
    callId: text("call_id"),
    /** `unreachable`: a failed try, counted before a replied case may close as unreachable. */
    outcome: text("outcome").$type<ContactOutcome>(),
    /** Now, or a history import's step time (kesu_event_time, as on the timeline). */
    at: at("at").notNull().default(sql`kesu_event_time()`),
  },
  (t) => [
    index("contacts_customer_idx").on(t.customerId, t.at),
    index("contacts_complaint_idx").on(t.complaintId, t.at),
  ],
);

/** 承诺回电: a promise to call the customer back by a due time. */
export const callbacks = pgTable(
  "callbacks",
  {
    id: generatedId(),
    complaintId: requiredRef("complaint_id", () => complaints.id),
    customerId: requiredRef("customer_id", () => customers.id),
    dueAt: at("due_at").notNull(),
    note: text("note"),
    status: text("status").$type<CallbackStatus>().notNull().default("open"),
    promisedById: requiredRef("promised_by_id", () => users.id),
    createdAt: createdAt(),
    doneAt: at("done_at"),
    doneContactId: uuid("done_contact_id").references(() => contacts.id),
  },
  (t) => [
    index("callbacks_customer_idx").on(t.customerId, t.status),
    index("callbacks_due_idx").on(t.status, t.dueAt),
    index("callbacks_complaint_idx").on(t.complaintId, t.dueAt),
  ],
);

export const attachments = pgTable(
  "attachments",
  {
    id: generatedId(),
    /** The complaint the file is evidence on, or none when it is an 8D's (quality_case_id). */
    complaintId: uuid("complaint_id").references(() => complaints.id),
    /** D4 evidence of an 8D's root cause: the case and the kind of cause (occurrence / escape). */
    qualityCaseId: uuid("quality_case_id").references(() => qualityCases.id),
    rootCause: text("root_cause").$type<"occurrence" | "escape">(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedById: requiredRef("uploaded_by_id", () => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("attachments_complaint_idx").on(t.complaintId),
    index("attachments_quality_case_idx").on(t.qualityCaseId),
    // A file is a complaint's or an 8D root cause's, never both nor neither.
    check(
      "attachments_owner_check",
      sql`(complaint_id is not null and quality_case_id is null and root_cause is null) or (complaint_id is null and quality_case_id is not null and root_cause in ('occurrence', 'escape'))`,
    ),
  ],
);

/**
 * 关注人: people who hear of everything that happens on a case without owning it. A policy's
 * `add_supervisor_watcher` breach action adds a supervisor; anyone who may see a case may follow it.
 */
export const complaintWatchers = pgTable(
  "complaint_watchers",
  {
    complaintId: requiredRef("complaint_id", () => complaints.id),
    userId: requiredRef("user_id", () => users.id),
    /** `sla_breached` (a breach action added them) or `self` (they chose to follow it). */
    reason: text("reason").notNull(),
    addedAt: at("added_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.complaintId, t.userId] }),
    index("complaint_watchers_user_idx").on(t.userId),
  ],
);

/** The guided-handling steps (LSCIA, six steps) ticked on a complaint: shared by everyone on the case. */
export const complaintChecklist = pgTable(
  "complaint_checklist",
  {
    complaintId: requiredRef("complaint_id", () => complaints.id),
    step: text("step").notNull(),
    tickedById: requiredRef("ticked_by_id", () => users.id),
    tickedAt: at("ticked_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.complaintId, t.step] })],
);
