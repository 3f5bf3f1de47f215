import { pgTable, text } from "drizzle-orm/pg-core";
import type { Severity } from "../../domain/complaint/case-attributes.js";
import { updatedAt } from "./columns.js";

/**
 * 越级投诉风险's settings (one row, `default`): the words that threaten a regulator, the press or
 * a court, and the severity a high-risk case is raised to at least (null: never raised).
 * No row: the domain's default words, and high risk raises to `high`.
 */
export const escalationRiskSettings = pgTable("escalation_risk_settings", {
  id: text("id").primaryKey(),
  words: text("words").array().notNull(),
  highRiskSeverity: text("high_risk_severity").$type<Severity>(),
  updatedAt: updatedAt(),
});
