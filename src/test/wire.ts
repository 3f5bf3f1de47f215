// The tests read the API's answers as the workbench does: one set of wire types, derived from the
// server's zod schemas, in src/web/api/types.ts. The few answers the workbench does not read
// (yet) are derived here the same way.
import type { z } from "zod";
import type { MonthlyAnalysis } from "../server/improvement/monthly-analysis.js";
import type { backlogSchema, heatmapSchema } from "../server/reports/dashboard.schemas.js";
import type { kpisSchema } from "../server/reports/report.schemas.js";
import type { Complaint, Problem, Wire } from "../web/api/types.js";

export type * from "../web/api/types.js";

/** A 400 answer: the problem names each field that failed. */
export type ValidationProblem = Problem & { errors: NonNullable<Problem["errors"]> };

export type KpiReport = Wire<z.output<typeof kpisSchema>>;
export type BacklogReport = Wire<z.output<typeof backlogSchema>>;
export type HeatmapReport = Wire<z.output<typeof heatmapSchema>>;
/** The monthly analysis as JSON (`format=json`; its answer has no response schema of its own). */
export type MonthlyAnalysisReport = Wire<MonthlyAnalysis>;
export type Attachment = Complaint["attachments"][number];
