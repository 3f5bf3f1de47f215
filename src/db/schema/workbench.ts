import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ExportFormat, ExportKind, ExportStatus } from "../../domain/exports/export-rules.js";
import { at, bytea, createdAt, generatedId, requiredRef, versioned } from "./columns.js";
import { users } from "./staff.js";

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

/**
 * A queue filter a user keeps by name (我的视图); shared views are offered to everyone whose role
 * may see the queue. Filters are stored as the list endpoint's query, validated on save.
 */
export const savedViews = pgTable(
  "saved_views",
  {
    id: generatedId(),
    ownerId: requiredRef("owner_id", () => users.id),
    name: text("name").notNull(),
    filters: jsonb("filters").notNull().default({}),
    /** The queue's columns the view shows, in order (domain/saved-view/queue-columns.ts); null: the default ones. */
    columns: text("columns").array(),
    shared: boolean("shared").notNull().default(false),
    position: integer("position").notNull().default(0),
    ...versioned(),
  },
  (t) => [
    uniqueIndex("saved_views_owner_name_idx").on(t.ownerId, t.name),
    index("saved_views_shared_idx").on(t.shared).where(sql`shared`),
  ],
);

/**
 * The ready-made views a person has been given (a supervisor's 团队超时与预警), one row per person
 * and preset: given once, so a deleted or renamed preset stays as its owner left it.
 */
export const savedViewPresets = pgTable(
  "saved_view_presets",
  {
    userId: requiredRef("user_id", () => users.id),
    preset: text("preset").notNull(),
    givenAt: at("given_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.preset] })],
);

/** 话术: reply templates an admin keeps; the agent inserts them into replies. */
export const replyTemplates = pgTable("reply_templates", {
  id: generatedId(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  /** Offered first for complaints of this category; null for every category. */
  category: text("category"),
  sortOrder: integer("sort_order").notNull().default(0),
  active: boolean("active").notNull().default(true),
  ...versioned(),
});

/**
 * A large export (导出任务): asked for by a person, written in the background by one runner of
 * one server (claimed with SKIP LOCKED) to a file kept in export_file_chunks, which only its
 * requester downloads. Rows done and total are its progress; housekeeping deletes it once it expires.
 */
export const exportJobs = pgTable(
  "export_jobs",
  {
    id: generatedId(),
    requestedById: requiredRef("requested_by_id", () => users.id),
    kind: text("kind").$type<ExportKind>().notNull(),
    format: text("format").$type<ExportFormat>().notNull(),
    /** The queue's filters, or the report's name and query, as validated when asked. */
    request: jsonb("request").notNull(),
    status: text("status").$type<ExportStatus>().notNull().default("queued"),
    rowsDone: integer("rows_done").notNull().default(0),
    rowsTotal: integer("rows_total"),
    /** Which claim is running it: a runner whose claim was taken over stops at its next batch. */
    attempt: integer("attempt").notNull().default(0),
    fileName: text("file_name"),
    fileSize: bigint("file_size", { mode: "number" }),
    /** Where its rows were read: the streaming replica when DATABASE_READ_URL is set and caught up. */
    readFrom: text("read_from").$type<"primary" | "replica">(),
    error: text("error"),
    createdAt: createdAt(),
    startedAt: at("started_at"),
    heartbeatAt: at("heartbeat_at"),
    finishedAt: at("finished_at"),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [
    index("export_jobs_requester_idx").on(t.requestedById, t.createdAt),
    index("export_jobs_waiting_idx")
      .on(t.createdAt)
      .where(sql`${t.status} in ('queued', 'running')`),
    index("export_jobs_expires_idx").on(t.expiresAt),
  ],
);

/**
 * An export's file in pieces of up to 1 MiB, written as the runner goes: any server behind the
 * load balancer serves the download (a file on one server's disk would be missing on the others).
 * Pieces belong to one attempt, so a runner whose claim was taken over never mixes its pieces
 * with the new runner's; the finished export keeps only its own attempt's.
 */
export const exportFileChunks = pgTable(
  "export_file_chunks",
  {
    exportId: uuid("export_id")
      .notNull()
      .references(() => exportJobs.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    seq: integer("seq").notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.attempt, t.seq] })],
);
