import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import type { Role } from "../../domain/access/roles.js";
import { at, createdAt, generatedId, requiredRef, versioned } from "./columns.js";

export const departments = pgTable("departments", {
  id: generatedId(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const users = pgTable("users", {
  id: generatedId(),
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
  ...versioned(),
});

export const sessions = pgTable(
  "sessions",
  {
    /** sha256 of the cookie value: a stolen database does not yield live sessions. */
    tokenHash: text("token_hash").primaryKey(),
    userId: requiredRef("user_id", () => users.id),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable("api_tokens", {
  id: generatedId(),
  tokenHash: text("token_hash").notNull().unique(),
  userId: requiredRef("user_id", () => users.id),
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

/** A retried create returns the first answer instead of making a duplicate. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: requiredRef("user_id", () => users.id),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code").notNull(),
    response: jsonb("response").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
