import { z } from "zod";
import { riskLevels, riskReasonCodes } from "../../domain/risk/escalation-risk.js";
import { severity } from "../http/input-fields.js";

/**
 * The words that make a complaint's text threaten escalation (regulators, hotlines, media,
 * lawyers, courts), the whole list replaced at once; a word is found anywhere in the case's text.
 */
export const escalationWordsSchema = z.object({ words: z.array(z.string()) });

/** The new list; a word given twice is kept once. */
export const escalationWordsBody = z.object({
  words: z
    .array(z.string().trim().min(1).max(20))
    .max(200)
    .transform((words) => [...new Set(words)]),
});

/** What a high escalation risk does to a case's severity. */
export const escalationPolicySchema = z.object({
  /** An open case whose risk turns high is raised to at least this severity; null: never raised. */
  highRiskSeverity: severity.nullable(),
});

/** 越级投诉风险 as last scored: the level, the score (0–100) and every reason, weightiest first. */
export const riskSchema = z.object({
  level: z.enum(riskLevels),
  score: z.number(),
  reasons: z.array(
    z.object({
      code: z.enum(riskReasonCodes),
      points: z.number(),
      detail: z.string().optional(),
      /** In the center's language (zh-CN); the workbench names reasons by their code. */
      text: z.string(),
    }),
  ),
});
