import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { exportJobs } from "../../db/schema.js";
import { exportPercent } from "../../domain/exports/export-rules.js";
import { notFound } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import type { ExportDto } from "./export.schemas.js";

type ExportRow = typeof exportJobs.$inferSelect;

export function presentExport(row: ExportRow): ExportDto {
  return {
    id: row.id,
    kind: row.kind,
    format: row.format,
    title: (row.request as { title?: string }).title ?? "",
    status: row.status,
    rowsDone: row.rowsDone,
    rowsTotal: row.rowsTotal,
    percent: row.status === "done" ? 100 : exportPercent(row.rowsDone, row.rowsTotal),
    fileName: row.fileName,
    fileSize: row.fileSize,
    readFrom: row.readFrom,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    expiresAt: row.expiresAt,
  };
}

/** The caller's own export; anyone else's is not found, whatever their role. */
export async function ownExport(db: Database, caller: Caller, id: string): Promise<ExportRow> {
  const [row] = await db
    .select()
    .from(exportJobs)
    .where(and(eq(exportJobs.id, id), eq(exportJobs.requestedById, caller.id)));
  if (!row) throw notFound("export");
  return row;
}

/** The caller's latest exports, newest first, for the workbench's 导出任务 panel. */
export async function recentExports(db: Database, caller: Caller): Promise<ExportDto[]> {
  const rows = await db
    .select()
    .from(exportJobs)
    .where(eq(exportJobs.requestedById, caller.id))
    .orderBy(desc(exportJobs.createdAt))
    .limit(20);
  return rows.map(presentExport);
}
