import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import type { IncidentStatus } from "../../domain/incident/incident.js";
import { complaints } from "./cases.js";
import { at, createdAt, generatedId, requiredRef, rowVersion, updatedAt } from "./columns.js";
import { users } from "./staff.js";

/**
 * 服务公告: a service incident a supervisor publishes (an ATM down, a line cut, an outage), shown
 * to agents at intake and, when public, on the customer portal (seed 000: the right to know).
 */
export const incidents = pgTable(
  "incidents",
  {
    id: generatedId(),
    title: text("title").notNull(),
    /** What happened, for staff. */
    description: text("description").notNull(),
    /** Where, as people say it: a branch, an area, a line, a system. */
    location: text("location").notNull(),
    /** The area complaints name (`complained_branch`), matched as typed; null: everywhere. */
    area: text("area"),
    /** A complaint category code (list `category`); null: any. */
    category: text("category"),
    /** A business type code (list `business_type`); null: any. */
    businessType: text("business_type"),
    startsAt: at("starts_at").notNull(),
    /** Expected or actual end; null: not known yet. */
    endsAt: at("ends_at"),
    /** What agents and the portal tell customers. */
    customerWording: text("customer_wording").notNull(),
    /** Shown on the customer portal while live. */
    public: boolean("public").notNull().default(false),
    status: text("status").$type<IncidentStatus>().notNull().default("live"),
    /** The one reply sent to every linked open case when resolved; null: none sent. */
    resolution: text("resolution"),
    resolvedAt: at("resolved_at"),
    resolvedById: uuid("resolved_by_id").references(() => users.id),
    version: rowVersion(),
    createdById: requiredRef("created_by_id", () => users.id),
    createdAt: createdAt(),
    updatedById: requiredRef("updated_by_id", () => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("incidents_live_idx").on(t.startsAt).where(sql`status = 'live'`),
    check("incidents_status_check", sql`status in ('live', 'resolved')`),
  ],
);

/** A complaint filed under an incident: who linked it and when (the timeline says so too). */
export const incidentComplaints = pgTable(
  "incident_complaints",
  {
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    linkedById: requiredRef("linked_by_id", () => users.id),
    linkedAt: at("linked_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.complaintId] }),
    index("incident_complaints_complaint_idx").on(t.complaintId),
  ],
);

/** A 群体性投诉 alert as raised to supervisors: once per category, area and window. */
export const groupComplaintAlerts = pgTable(
  "group_complaint_alerts",
  {
    id: generatedId(),
    category: text("category").notNull(),
    /** The area key (domain/incident `areaKey`); '' when the complaints named none. */
    area: text("area").notNull(),
    customers: integer("customers").notNull(),
    complaintIds: jsonb("complaint_ids").$type<string[]>().notNull(),
    firstAt: at("first_at").notNull(),
    lastAt: at("last_at").notNull(),
    raisedAt: at("raised_at").notNull(),
  },
  (t) => [index("group_complaint_alerts_key_idx").on(t.category, t.area, t.raisedAt)],
);
