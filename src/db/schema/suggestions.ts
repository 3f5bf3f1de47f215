import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type {
  FieldAccuracy,
  SuggestionField,
  SuggestionModel,
} from "../../domain/suggestion/suggestion-model.js";
import { at, generatedId } from "./columns.js";
import { users } from "./staff.js";

/**
 * Intake's suggestions: each training over closed cases is a row and the newest is in use, so an
 * admin sees how accuracy moved from night to night. The model is a naive Bayes whose size follows
 * the organisation's vocabulary (domain/suggestion/naive-bayes.ts), not its number of cases.
 */
export const suggestionModels = pgTable(
  "suggestion_models",
  {
    id: generatedId(),
    trainedAt: at("trained_at").notNull().defaultNow(),
    /** `job` (the nightly training) or `admin` (retrain now). */
    trigger: text("trigger").$type<"job" | "admin">().notNull(),
    /** The admin who asked for it; null for the job. */
    trainedById: uuid("trained_by_id").references(() => users.id),
    /** Closed cases read: received since `since`, at most KESU_SUGGESTION_CASES, newest first. */
    casesUsed: integer("cases_used").notNull(),
    heldOut: integer("held_out").notNull(),
    since: at("since").notNull(),
    accuracy: jsonb("accuracy").$type<Record<SuggestionField, FieldAccuracy>>().notNull(),
    /** Kept for the latest trainings only (the job drops older ones); their figures stay. */
    model: jsonb("model").$type<SuggestionModel>(),
  },
  (t) => [index("suggestion_models_trained_idx").on(t.trainedAt)],
);
