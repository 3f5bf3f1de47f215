import { z } from "zod";
import { suggestionFields } from "../../domain/suggestion/suggestion-model.js";
import { text } from "../http/input-fields.js";

export const suggestBody = z.object({
  /** What the customer says: the subject and description as typed so far. */
  text: text(4000),
  /** The intake channel; accepted for later use, not read by the current model. */
  channel: z.string().max(64).optional(),
});

const suggestion = z.object({
  /** The code (category, cause, business type) or the department's id. */
  id: z.string(),
  /** In the caller's language. */
  label: z.string(),
  /** 0–1: how often a suggestion this sure was right on held-out cases, roughly. */
  confidence: z.number(),
});

/** The three likeliest of each field, likeliest first; empty lists before any model is trained. */
export const suggestionsSchema = z.object({
  category: z.array(suggestion),
  cause: z.array(suggestion),
  businessType: z.array(suggestion),
  department: z.array(suggestion),
});
export type SuggestionsDto = z.infer<typeof suggestionsSchema>;

const share = z.number().nullable();
const fieldAccuracy = z.object({
  /** Held-out cases with this field set. */
  cases: z.number(),
  /** Share whose first suggestion was right. */
  top1: share,
  /** Share with the right answer among the three. */
  top3: share,
  /** Share always answering the commonest value would get right. */
  baseline: share,
});

const trainingSchema = z.object({
  id: z.uuid(),
  trainedAt: z.date(),
  /** `job`: the nightly training; `admin`: retrained on request. */
  trigger: z.enum(["job", "admin"]),
  /** Closed cases read, and how many of them were held out to measure accuracy. */
  casesUsed: z.number(),
  heldOut: z.number(),
  /** Cases received since then were read. */
  since: z.date(),
  accuracy: z.object(
    Object.fromEntries(suggestionFields.map((f) => [f, fieldAccuracy])) as Record<
      (typeof suggestionFields)[number],
      typeof fieldAccuracy
    >,
  ),
});

/** The model in use (null before the first training) and the trainings before it. */
export const modelSummarySchema = z.object({
  current: trainingSchema.nullable(),
  history: z.array(trainingSchema),
});
export type ModelSummaryDto = z.infer<typeof modelSummarySchema>;
