import { z } from "zod";
import { complaintKinds } from "../../domain/complaint/complaint-lifecycle.js";
import { kpiIds } from "../../domain/kpi/kpis.js";
import { type ReportGrouping, reportGroupings } from "../../domain/kpi/report-scope.js";
import { dayInput, termCode, text } from "../http/input-fields.js";

export const groupings = reportGroupings;
export type Grouping = ReportGrouping;

const format = z.enum(["json", "csv", "xlsx"]).default("json");

/** Which cases a report reads: those received in the period, narrowed by the filters. */
export const reportFilters = z.object({
  /** Days in the center's time zone, both inclusive, on the day the case was received. */
  from: dayInput().optional(),
  to: dayInput().optional(),
  /** The lead (主办) department the case was last dispatched to. */
  departmentId: z.uuid().optional(),
  /** The case's owner. */
  agentId: z.uuid().optional(),
  category: termCode.optional(),
  cause: termCode.optional(),
  channel: termCode.optional(),
  businessType: termCode.optional(),
  product: text(200).optional(),
  /** `direct`, `transfer`, or the transferring hotline (12345, 12378…). */
  source: text(64).optional(),
  kind: z.enum(complaintKinds).optional(),
});
export type ReportFilters = z.infer<typeof reportFilters>;

export const kpisQuery = reportFilters.extend({
  groupBy: z.enum(groupings).default("department"),
  /** The organisation's number of customers, for the complaints-per-10,000 figure. */
  customerBase: z.coerce.number().int().min(1).optional(),
  format,
});
export type KpisQuery = z.infer<typeof kpisQuery>;

export const trendQuery = reportFilters.extend({
  metric: z.enum(kpiIds as [string, ...string[]]).default("accepted"),
  interval: z.enum(["day", "week", "month"]).default("day"),
  customerBase: z.coerce.number().int().min(1).optional(),
  format,
});
export type TrendQuery = z.infer<typeof trendQuery>;

export const causesQuery = reportFilters.extend({ format });
export type CausesQuery = z.infer<typeof causesQuery>;

export const regulatorQuery = z.object({
  /** A quarter (2026-Q4), a month (2026-11) or a year (2026). */
  period: z.string().regex(/^\d{4}(-(Q[1-4]|0[1-9]|1[0-2]))?$/),
  format,
});
export type RegulatorQuery = z.infer<typeof regulatorQuery>;

const label = z.object({ zh: z.string(), en: z.string() });

/** A KPI's figure: `count` and `over` are a rate's numerator and denominator, or a count's count. */
const figure = z.object({
  value: z.number().nullable(),
  count: z.number().optional(),
  over: z.number().optional(),
});
const figures = z.record(z.string(), figure);

const kpiInfo = z.object({
  id: z.string(),
  name: label,
  formula: label,
  unit: z.string(),
});

const group = z.object({ key: z.string().nullable(), label, figures });

export const kpisSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(groupings),
  kpis: z.array(kpiInfo),
  rows: z.array(group),
  /** Every case the caller's scope holds; for an agent, the whole team's. */
  total: group,
});

const point = z.object({ period: z.string(), ...figure.shape });

export const trendSchema = z.object({
  metric: kpiInfo,
  interval: z.enum(["day", "week", "month"]),
  from: z.string(),
  to: z.string(),
  points: z.array(point),
  /** For an agent: the team's points beside their own. */
  team: z.array(point).nullable(),
});

export const causesSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Accepted cases in scope (a case with two causes counts once here, under both causes below). */
  cases: z.number(),
  causes: z.array(
    z.object({
      key: z.string(),
      label,
      count: z.number(),
      share: z.number(),
      cumulativeShare: z.number(),
    }),
  ),
});

const regulatorCounts = {
  accepted: z.number(),
  closed: z.number(),
  closedOnTime: z.number(),
  substantiated: z.number(),
};

export const regulatorSchema = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      channel: z.object({ key: z.string().nullable(), label }),
      businessType: z.object({ key: z.string().nullable(), label }),
      cause: z.object({ key: z.string().nullable(), label }),
      ...regulatorCounts,
    }),
  ),
  total: z.object(regulatorCounts),
});

export const fileResponses = (schema: z.ZodType) => ({
  200: {
    content: {
      "application/json": { schema },
      "text/csv": { schema: z.string() },
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string() },
    },
  },
});

export {
  format as reportFormat,
  kpiInfo as kpiInfoSchema,
  label as labelSchema,
  point as pointSchema,
};
