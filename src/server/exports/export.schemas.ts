import { z } from "zod";
import {
  exportFormats,
  exportKinds,
  exportReports,
  exportStatuses,
} from "../../domain/exports/export-rules.js";
import { viewFilters } from "../saved-views/saved-view.schemas.js";

const format = z.enum(exportFormats);

/** The queue as the list shows it: its filters, or a saved view the caller may open. */
const queueExport = z.object({
  kind: z.literal("queue"),
  format,
  filters: viewFilters.optional(),
  viewId: z.uuid().optional(),
});

/** A report with its query, as `GET /reports/{report}` takes it (its own `format` is ignored). */
const reportExport = z.object({
  kind: z.literal("report"),
  format,
  report: z.enum(exportReports),
  query: z.record(z.string(), z.unknown()).default({}),
});

export const createExportBody = z.discriminatedUnion("kind", [queueExport, reportExport]);
export type CreateExportBody = z.infer<typeof createExportBody>;

export const exportSchema = z.object({
  id: z.uuid(),
  kind: z.enum(exportKinds),
  format,
  /** What was exported, for the list of the caller's exports: the view's or the report's name. */
  title: z.string(),
  status: z.enum(exportStatuses),
  rowsDone: z.number().int(),
  /** Known once the export has started: rows it will write. */
  rowsTotal: z.number().int().nullable(),
  /** Whole percent, null until the total is known. */
  percent: z.number().int().nullable(),
  fileName: z.string().nullable(),
  fileSize: z.number().int().nullable(),
  /** Where its rows were read: the streaming replica (DATABASE_READ_URL) or the primary. */
  readFrom: z.enum(["primary", "replica"]).nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  expiresAt: z.date(),
});
export type ExportDto = z.infer<typeof exportSchema>;

export const exportList = z.object({ items: z.array(exportSchema) });
