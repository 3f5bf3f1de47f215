// The background half of an export: claim one waiting export (SKIP LOCKED, so of several runners
// on several servers exactly one takes it), read its rows a batch at a time as its requester may
// see them, write them to its file (kept in the database, see export-file.ts) and report progress
// after each batch.

import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { exportJobs, users } from "../../db/schema.js";
import {
  EXPORT_BATCH,
  EXPORT_STALE_SECONDS,
  exportFileName,
} from "../../domain/exports/export-rules.js";
import { formatLocal } from "../../domain/sla/zoned-time.js";
import { callerColumns } from "../auth/caller.js";
import type { Caller } from "../http/app-types.js";
import type { Cell } from "../reports/report-files.js";
import { type ReportSource, readingDatabase } from "../reports/report-source.js";
import type { ViewFilters } from "../saved-views/saved-view.schemas.js";
import { dropAttempt, dropEarlierAttempts, ExportFileSink } from "./export-file.js";
import { countQueue, queueBatches, queueCondition, queueHeaders } from "./queue-rows.js";
import { type ReportRequest, readReportTable } from "./report-rows.js";
import { openSheetFile } from "./sheet-file.js";

export interface ExportRunnerDeps {
  db: Database;
  /** DATABASE_READ_URL's streaming replica: rows are read there, so exports never slow the agents. */
  replica?: Database | null;
  timeZone: string;
  batchSize?: number;
}

type ExportRow = typeof exportJobs.$inferSelect;

/** Taken over by another runner (its claim went stale) or deleted: this runner stops. */
class ClaimLost extends Error {}

/** Claims the oldest waiting export, or one whose runner stopped reporting; null when none. */
async function claim(db: Database): Promise<ExportRow | null> {
  const [row] = await db
    .update(exportJobs)
    .set({
      status: "running",
      attempt: sql`${exportJobs.attempt} + 1`,
      rowsDone: 0,
      startedAt: sql`now()`,
      heartbeatAt: sql`now()`,
    })
    .where(
      eq(
        exportJobs.id,
        sql`(select id from ${exportJobs}
             where status = 'queued'
                or (status = 'running' and heartbeat_at < now() - make_interval(secs => ${EXPORT_STALE_SECONDS}))
             order by created_at limit 1 for update skip locked)`,
      ),
    )
    .returning();
  return row ?? null;
}

async function requester(db: Database, id: string): Promise<Caller> {
  const [user] = await db
    .select({ ...callerColumns, active: users.active })
    .from(users)
    .where(eq(users.id, id));
  if (!user?.active) throw new Error("the requester's account is no longer active");
  return { ...user, via: "session" };
}

/** Progress after a batch; throws ClaimLost when this runner no longer holds the export. */
async function report(db: Database, job: ExportRow, set: Partial<ExportRow>) {
  const updated = await db
    .update(exportJobs)
    .set({ ...set, heartbeatAt: sql`now()` })
    .where(
      and(
        eq(exportJobs.id, job.id),
        eq(exportJobs.attempt, job.attempt),
        eq(exportJobs.status, "running"),
      ),
    )
    .returning({ id: exportJobs.id });
  if (updated.length === 0) throw new ClaimLost();
}

interface Source {
  readFrom: "primary" | "replica";
  sheetName: string;
  headers: readonly string[];
  total: number;
  batches: AsyncIterable<Cell[][]>;
}

async function sourceOf(deps: ExportRunnerDeps, job: ExportRow, caller: Caller): Promise<Source> {
  const { timeZone } = deps;
  const from: ReportSource = { primary: deps.db, replica: deps.replica ?? null };
  if (job.kind === "queue") {
    const condition = queueCondition(caller, (job.request as { filters: ViewFilters }).filters);
    const reader = await readingDatabase(from);
    return {
      readFrom: reader === deps.db ? "primary" : "replica",
      sheetName: "投诉列表",
      headers: queueHeaders,
      total: await countQueue(reader, condition),
      batches: queueBatches(reader, caller, condition, timeZone, deps.batchSize ?? EXPORT_BATCH),
    };
  }
  // A report is a few hundred rows at most: read whole, written in one batch.
  const table = await readReportTable(from, caller, job.request as ReportRequest, timeZone);
  return {
    readFrom: from.readFrom ?? "primary",
    sheetName: table.name,
    headers: table.headers,
    total: table.rows.length,
    batches: (async function* one() {
      yield table.rows as Cell[][];
    })(),
  };
}

async function write(deps: ExportRunnerDeps, job: ExportRow) {
  const caller = await requester(deps.db, job.requestedById);
  const source = await sourceOf(deps, job, caller);
  await report(deps.db, job, { rowsTotal: source.total, readFrom: source.readFrom });
  const file = new ExportFileSink(deps.db, job);
  const sheet = openSheetFile(file, job.format, source.sheetName, source.headers);
  try {
    let done = 0;
    for await (const rows of source.batches) {
      await sheet.add(rows);
      done += rows.length;
      await report(deps.db, job, { rowsDone: done });
    }
    await sheet.finish();
    const day = formatLocal(new Date(), deps.timeZone).slice(0, 10);
    await report(deps.db, job, {
      status: "done",
      rowsDone: done,
      // Rows that arrived or left while it ran: the file's own count is the truth.
      rowsTotal: done,
      fileSize: file.bytes,
      fileName: exportFileName(job.kind, source.sheetName, day, job.format),
      finishedAt: new Date(),
    });
  } catch (e) {
    sheet.abort();
    await dropAttempt(deps.db, job);
    throw e;
  }
  await dropEarlierAttempts(deps.db, job);
}

/**
 * Runs at most one waiting export to its end; `claimed` is 1 when it took one (the job runner
 * then asks again), 0 when there was none.
 */
export async function runNextExport(deps: ExportRunnerDeps): Promise<{ claimed: number }> {
  const job = await claim(deps.db);
  if (!job) return { claimed: 0 };
  try {
    await write(deps, job);
  } catch (e) {
    if (e instanceof ClaimLost) return { claimed: 1 };
    await deps.db
      .update(exportJobs)
      .set({ status: "failed", error: (e as Error).message, finishedAt: new Date() })
      .where(and(eq(exportJobs.id, job.id), eq(exportJobs.attempt, job.attempt)));
  }
  return { claimed: 1 };
}

/** Deletes expired exports, their files with them (several servers may both try: harmless). */
export async function pruneExpiredExports(db: Database) {
  await db.delete(exportJobs).where(sql`${exportJobs.expiresAt} < now()`);
  return { claimed: 0 };
}
