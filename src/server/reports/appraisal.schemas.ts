import { z } from "zod";
import { dayInput } from "../http/input-fields.js";
import { kpiInfoSchema, labelSchema, pointSchema, reportFormat } from "./report.schemas.js";

export const appraisalQuery = z.object({
  kind: z.enum(["agent", "department"]),
  /** The agent's user id or the department's id. */
  id: z.uuid(),
  /** Days in the center's time zone, both inclusive; or a `period` (2026-Q4, 2026-11, 2026). */
  from: dayInput().optional(),
  to: dayInput().optional(),
  period: z
    .string()
    .regex(/^\d{4}(-(Q[1-4]|0[1-9]|1[0-2]))?$/)
    .optional(),
  format: reportFormat,
});
export type AppraisalQuery = z.infer<typeof appraisalQuery>;

const standing = z.object({
  /** The median of every peer with a figure (agents owning cases, or lead departments). */
  median: z.number().nullable(),
  /** 1 = best (or largest, for a volume); ties share a rank. */
  rank: z.number().nullable(),
  /** How many peers had a figure: the median's and the rank's basis. */
  peers: z.number(),
  verdict: z.enum(["better", "worse", "same"]).nullable(),
  better: z.enum(["higher", "lower"]).nullable(),
});

export const appraisalSchema = z.object({
  kind: z.enum(["agent", "department"]),
  id: z.string(),
  label: labelSchema,
  from: z.string(),
  to: z.string(),
  figures: z.array(
    z.object({
      kpi: kpiInfoSchema,
      /** The figure, and the counts behind a count or a rate (the count basis). */
      value: z.number().nullable(),
      count: z.number().optional(),
      over: z.number().optional(),
      ...standing.shape,
    }),
  ),
  /** The key KPIs by month of receipt, up to `to`: the subject's and the peers' median. */
  trend: z.array(
    z.object({
      kpi: kpiInfoSchema,
      points: z.array(pointSchema.extend({ median: z.number().nullable() })),
    }),
  ),
});
