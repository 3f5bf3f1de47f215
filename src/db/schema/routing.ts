import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import type { DutyState } from "../../domain/routing/assignment.js";
import type { AssignmentRule, ReassignMode } from "../../domain/routing/skill-groups.js";
import { complaints } from "./cases.js";
import { at, createdAt, generatedId, requiredRef, versioned } from "./columns.js";
import { users } from "./staff.js";

/** 技能组: the cases a group takes (empty list: any) and how it shares them out. */
export const skillGroups = pgTable("skill_groups", {
  id: generatedId(),
  name: text("name").notNull().unique(),
  categories: text("categories").array().notNull().default(sql`'{}'`),
  businessTypes: text("business_types").array().notNull().default(sql`'{}'`),
  sources: text("sources").array().notNull().default(sql`'{}'`),
  severities: text("severities").array().notNull().default(sql`'{}'`),
  rule: text("rule").$type<AssignmentRule>().notNull().default("round_robin"),
  capPerPerson: integer("cap_per_person"),
  /** Minutes an owner may be off duty before their open cases are moved (null: never). */
  reassignAfterMinutes: integer("reassign_after_minutes"),
  reassignMode: text("reassign_mode").$type<ReassignMode>().notNull().default("supervisor"),
  /** Round-robin's place: the agent number last given a case. */
  cursor: text("cursor"),
  ...versioned(),
});

export const skillGroupMembers = pgTable(
  "skill_group_members",
  {
    groupId: requiredRef("group_id", () => skillGroups.id),
    userId: requiredRef("user_id", () => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index("skill_group_members_user_idx").on(t.userId),
  ],
);

/**
 * 在线 / 小休 / 离线 per person. The row is also the person's lock while cases are given out, so
 * two servers (or two groups) never take one person past a cap.
 */
export const staffDuty = pgTable(
  "staff_duty",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    state: text("state").$type<DutyState>().notNull().default("offline"),
    since: at("since").notNull().defaultNow(),
  },
  (t) => [check("staff_duty_state_check", sql`${t.state} in ('online', 'break', 'offline')`)],
);

/**
 * A case waiting in its group's queue until someone on duty is given it: a new case no one kept,
 * or one whose owner has been off duty longer than the group allows.
 */
export const routingQueue = pgTable(
  "routing_queue",
  {
    complaintId: uuid("complaint_id")
      .primaryKey()
      .references(() => complaints.id),
    groupId: requiredRef("group_id", () => skillGroups.id),
    /** Set when the case is being taken from an owner off duty too long: it still is theirs. */
    fromOwnerId: uuid("from_owner_id").references(() => users.id),
    /** Waiting for a supervisor to approve the reassignment (the group's reassignMode). */
    held: boolean("held").notNull().default(false),
    queuedAt: createdAt(),
  },
  (t) => [index("routing_queue_group_idx").on(t.groupId, t.queuedAt)],
);
