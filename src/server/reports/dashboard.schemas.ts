import { z } from "zod";
import { backlogAges } from "../../domain/kpi/backlog-age.js";
import { reportFilters } from "./report.schemas.js";

const format = z.enum(["json", "csv", "xlsx"]).default("json");
const label = z.object({ zh: z.string(), en: z.string() });
const keyed = z.object({ key: z.string().nullable(), label });

/** Open cases now, whenever received: the period does not apply, every other filter does. */
export const backlogQuery = reportFilters.omit({ from: true, to: true }).extend({ format });
export type BacklogQuery = z.infer<typeof backlogQuery>;

export const backlogSchema = z.object({
  /** The center's day the ages are counted to. */
  today: z.string(),
  open: z.number(),
  /** Open and past the deadline in force. */
  overdue: z.number(),
  buckets: z.array(
    z.object({
      key: z.enum(backlogAges.map((b) => b.key) as [string, ...string[]]),
      minDays: z.number(),
      maxDays: z.number().nullable(),
      /** The receipt days the bucket holds (both inclusive; null: any earlier day). */
      receivedFrom: z.string().nullable(),
      receivedTo: z.string(),
      count: z.number(),
      overdue: z.number(),
    }),
  ),
});

export const heatmapQuery = reportFilters.extend({ format });
export type HeatmapQuery = z.infer<typeof heatmapQuery>;

export const heatmapSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Accepted cases per lead department × category (the KPI table's 受理量 of each pair). */
  cells: z.array(z.object({ department: keyed, category: keyed, count: z.number() })),
  total: z.number(),
});
