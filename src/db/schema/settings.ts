import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text } from "drizzle-orm/pg-core";
import { updatedAt } from "./columns.js";

/**
 * The center's service settings (管理 → 服务设置): one row, `default`, seeded by its migration
 * with the domain's defaults (follow-up-rules.ts) and edited by admins.
 */
export const serviceSettings = pgTable(
  "service_settings",
  {
    id: text("id").primaryKey(),
    followUpByOwner: boolean("follow_up_by_owner").notNull().default(false),
    unreachableAttempts: integer("unreachable_attempts").notNull().default(3),
    updatedAt: updatedAt(),
  },
  (t) => [check("service_settings_attempts_check", sql`${t.unreachableAttempts} between 1 and 20`)],
);
