import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Role } from "../domain/access/roles.js";
import type {
  CallbackStatus,
  ComplaintFlag,
  ContactDirection,
  Mentality,
  Severity,
} from "../domain/complaint/case-attributes.js";
import type {
  ComplaintKind,
  ComplaintStatus,
  Satisfaction,
} from "../domain/complaint/complaint-lifecycle.js";
import type { Responsibility, WorkOrderStatus } from "../domain/complaint/work-order-lifecycle.js";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => at("created_at").notNull().defaultNow();

export const departments = pgTable("departments", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  /** 工号: shown beside every action the user takes. */
  agentNo: text("agent_no").notNull().unique(),
  role: text("role").$type<Role>().notNull(),
  departmentId: uuid("department_id").references(() => departments.id),
  passwordHash: text("password_hash").notNull(),
  active: boolean("active").notNull().default(true),
  locale: text("locale").notNull().default("zh-CN"),
  /** Where notifications are mailed, when SMTP is set up. */
  email: text("email"),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the cookie value: a stolen database does not yield live sessions. */
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable("api_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  tokenHash: text("token_hash").notNull().unique(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id),
  name: text("name").notNull(),
  createdAt: createdAt(),
  lastUsedAt: at("last_used_at"),
  revokedAt: at("revoked_at"),
});

/** Failed logins, kept in the database so the limit holds across several kesu servers. */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    username: text("username").notNull(),
    address: text("address").notNull(),
    at: at("at").notNull().defaultNow(),
  },
  (t) => [
    index("login_failures_username_idx").on(t.username, t.at),
    index("login_failures_address_idx").on(t.address, t.at),
  ],
);

/** Append-only record of changes to staff, departments and lists (the complaint timeline covers complaints). */
export const auditLog = pgTable("audit_log", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  at: at("at").notNull().defaultNow(),
  actorId: uuid("actor_id").references(() => users.id),
  actorAgentNo: text("actor_agent_no"),
  action: text("action").notNull(),
  entity: text("entity").notNull(),
  entityId: text("entity_id").notNull(),
  data: jsonb("data").notNull().default({}),
});

/** Categories, causes and business types: admin-editable, labelled in both languages. */
export const taxonomyTerms = pgTable(
  "taxonomy_terms",
  {
    list: text("list").notNull(),
    code: text("code").notNull(),
    labelZh: text("label_zh").notNull(),
    labelEn: text("label_en").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.list, t.code] })],
);

export const customers = pgTable(
  "customers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** Digits only, country code stripped, so every spelling of a number finds the same customer. */
    phone: text("phone"),
    idNumber: text("id_number"),
    accountNo: text("account_no"),
    email: text("email"),
    address: text("address"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customers_phone_uq").on(t.phone),
    index("customers_id_number_idx").on(t.idNumber),
    index("customers_account_no_idx").on(t.accountNo),
  ],
);

export const complaintNumberSeq = pgSequence("complaint_number_seq");

export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull().unique(),
    kind: text("kind").$type<ComplaintKind>().notNull(),
    channel: text("channel").notNull(),
    sourceType: text("source_type").notNull().default("direct"),
    sourceHotline: text("source_hotline"),
    sourceExternalNo: text("source_external_no"),
    sourceExternalDueAt: at("source_external_due_at"),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    subject: text("subject").notNull(),
    description: text("description").notNull(),
    demand: text("demand"),
    demandAmount: numeric("demand_amount", { precision: 14, scale: 2 }),
    category: text("category"),
    businessType: text("business_type"),
    causes: text("causes").array().notNull().default(sql`'{}'::text[]`),
    severity: text("severity").$type<Severity>().notNull().default("normal"),
    mentality: text("mentality").$type<Mentality>(),
    complainedBranch: text("complained_branch"),
    complainedEmployee: text("complained_employee"),
    complainedProduct: text("complained_product"),
    flags: text("flags").$type<ComplaintFlag>().array().notNull().default(sql`'{}'::text[]`),
    ownerId: uuid("owner_id").references(() => users.id),
    status: text("status").$type<ComplaintStatus>().notNull(),
    version: integer("version").notNull().default(1),
    reopenCount: integer("reopen_count").notNull().default(0),
    escalationLevel: integer("escalation_level").notNull().default(0),
    resolution: text("resolution"),
    substantiated: boolean("substantiated"),
    responsibility: text("responsibility").$type<Responsibility>(),
    satisfaction: text("satisfaction").$type<Satisfaction>(),
    closeReason: text("close_reason"),
    mergedIntoId: uuid("merged_into_id"),
    /** The reply deadline in force; every complaint has one (its policy's, else the default by kind). */
    dueAt: at("due_at").notNull(),
    receivedAt: at("received_at").notNull().defaultNow(),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
    closedAt: at("closed_at"),
    /** What search looks in (kesu_search_text), refreshed whenever it changes. */
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
      .where(sql`status not in ('closed', 'withdrawn', 'merged')`),
    // A person's open cases, due first: "my queue" and the per-owner view counts.
    index("complaints_open_owner_due_idx")
      .on(t.ownerId, t.dueAt)
      .where(sql`status not in ('closed', 'withdrawn', 'merged')`),
    // Open cases by id: the probe view counts make for a department's or a category's cases.
    index("complaints_open_id_idx")
      .on(t.id)
      .where(sql`status not in ('closed', 'withdrawn', 'merged')`),
    index("complaints_customer_idx").on(t.customerId, t.createdAt),
    index("complaints_created_idx").on(t.createdAt, t.id),
    index("complaints_status_idx").on(t.status, t.createdAt),
    index("complaints_owner_idx").on(t.ownerId, t.createdAt),
  ],
);

/** 派单: one department's share of a complaint, with its own status. */
export const workOrders = pgTable(
  "work_orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    /** 主办 (lead) or 协办 (co-handling). */
    lead: boolean("lead").notNull(),
    /** The complaint's reopen count at dispatch, so results of an earlier round don't count after 重办. */
    round: integer("round").notNull().default(0),
    status: text("status").$type<WorkOrderStatus>().notNull(),
    instructions: text("instructions"),
    dispatchedById: uuid("dispatched_by_id")
      .notNull()
      .references(() => users.id),
    dispatchedAt: at("dispatched_at").notNull().defaultNow(),
    acceptedAt: at("accepted_at"),
    returnReason: text("return_reason"),
    result: text("result"),
    substantiated: boolean("substantiated"),
    responsibility: text("responsibility").$type<Responsibility>(),
    completedAt: at("completed_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("work_orders_complaint_idx").on(t.complaintId),
    index("work_orders_department_idx").on(t.departmentId, t.status, t.dispatchedAt),
    // A department's complaints (its handlers' scope), whatever the orders' status.
    index("work_orders_department_complaint_idx").on(t.departmentId, t.complaintId),
  ],
);

/** The append-only history of a complaint; a trigger refuses updates and deletes. */
export const timelineEvents = pgTable(
  "timeline_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    type: text("type").notNull(),
    at: at("at").notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    actorAgentNo: text("actor_agent_no"),
    actorName: text("actor_name"),
    /** Replies are shown to the customer; everything else is internal. */
    customerVisible: boolean("customer_visible").notNull().default(false),
    data: jsonb("data").notNull().default({}),
  },
  (t) => [index("timeline_complaint_idx").on(t.complaintId, t.id)],
);

export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    complaintId: uuid("complaint_id").references(() => complaints.id),
    direction: text("direction").$type<ContactDirection>().notNull(),
    channel: text("channel").notNull(),
    summary: text("summary").notNull(),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => users.id),
    agentNo: text("agent_no").notNull(),
    at: at("at").notNull().defaultNow(),
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
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    dueAt: at("due_at").notNull(),
    note: text("note"),
    status: text("status").$type<CallbackStatus>().notNull().default("open"),
    promisedById: uuid("promised_by_id")
      .notNull()
      .references(() => users.id),
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
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedById: uuid("uploaded_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_complaint_idx").on(t.complaintId)],
);

/** A retried create returns the first answer instead of making a duplicate. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code").notNull(),
    response: jsonb("response").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/** Working time of the organisation; clocks in working days and minutes count only inside it. */
export const workCalendars = pgTable("work_calendars", {
  id: text("id").primaryKey(),
  timeZone: text("time_zone").notNull(),
  /** [{ start: "09:00", end: "12:00" }, …] */
  workingHours: jsonb("working_hours").notNull(),
  /** ISO weekdays, Monday = 1. */
  workingWeekdays: integer("working_weekdays").array().notNull(),
  updatedAt: at("updated_at").notNull().defaultNow(),
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
});

/**
 * One statutory clock on a complaint or a department's work order. `next_event_at` is the next
 * instant the sweep must look at it (warning, then breach), null when nothing more can happen,
 * so the sweep reads only clocks with something due.
 */
export const slaClocks = pgTable(
  "sla_clocks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    workOrderId: uuid("work_order_id").references(() => workOrders.id),
    callbackId: uuid("callback_id").references(() => callbacks.id),
    /** firstResponse, customerReply, departmentAcceptance, departmentResult, followUp, resolution, callback. */
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
  ],
);

/** In-app notifications (the bell). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    complaintId: uuid("complaint_id").references(() => complaints.id),
    type: text("type").notNull(),
    data: jsonb("data").notNull().default({}),
    createdAt: createdAt(),
    readAt: at("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/**
 * 关注人: people who hear of everything that happens on a case without owning it. A policy's
 * `add_supervisor_watcher` breach action adds a supervisor; anyone who may see a case may follow it.
 */
export const complaintWatchers = pgTable(
  "complaint_watchers",
  {
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** `sla_breached` (a breach action added them) or `self` (they chose to follow it). */
    reason: text("reason").notNull(),
    addedAt: at("added_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.complaintId, t.userId] }),
    index("complaint_watchers_user_idx").on(t.userId),
  ],
);

/** 延期申请: the handler asks before the deadline; a supervisor (or admin, per policy) decides. */
export const extensionRequests = pgTable(
  "extension_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    requestedById: uuid("requested_by_id")
      .notNull()
      .references(() => users.id),
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

/** Outbound webhooks an admin subscribes to timeline events; bodies are signed with the secret. */
export const webhooks = pgTable("webhooks", {
  id: uuid("id").primaryKey().defaultRandom(),
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

/**
 * A queue filter a user keeps by name (我的视图); shared views are offered to everyone whose role
 * may see the queue. Filters are stored as the list endpoint's query, validated on save.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    filters: jsonb("filters").notNull().default({}),
    shared: boolean("shared").notNull().default(false),
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("saved_views_owner_name_idx").on(t.ownerId, t.name),
    index("saved_views_shared_idx").on(t.shared).where(sql`shared`),
  ],
);

/** 话术: reply templates an admin keeps; the agent inserts them into replies. */
export const replyTemplates = pgTable("reply_templates", {
  id: uuid("id").primaryKey().defaultRandom(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  /** Offered first for complaints of this category; null for every category. */
  category: text("category"),
  sortOrder: integer("sort_order").notNull().default(0),
  active: boolean("active").notNull().default(true),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** The guided-handling steps (LSCIA, six steps) ticked on a complaint: shared by everyone on the case. */
export const complaintChecklist = pgTable(
  "complaint_checklist",
  {
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    step: text("step").notNull(),
    tickedById: uuid("ticked_by_id")
      .notNull()
      .references(() => users.id),
    tickedAt: at("ticked_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.complaintId, t.step] })],
);
