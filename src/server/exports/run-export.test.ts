// The runner driven directly, in a world where no export is asked over HTTP: the server's own
// kicker never starts, so these runners are the only ones looking for work.

import { once } from "node:events";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exportFileChunks, exportJobs } from "../../db/schema.js";
import { makeExportableQueue } from "../../test/export-kit.js";
import { setupWorld } from "../../test/world.js";
import { dropEarlierAttempts, ExportFileSink, exportFileStream } from "./export-file.js";
import { runNextExport } from "./run-export.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent"),
  supervisor: await w.staff("supervisor"),
}));

beforeAll(async () => {
  await makeExportableQueue(world.agent.client);
});

/** An export waiting for a runner, as POST /exports leaves it. */
const waitingExport = (requestedById: string, format: "csv" | "xlsx") => ({
  requestedById,
  kind: "queue" as const,
  format,
  request: { title: "", filters: {} },
  expiresAt: new Date(Date.now() + 3_600_000),
});

const runnerDeps = () => ({
  db: world.server.db,
  timeZone: "Asia/Shanghai",
});

describe("the export runner", () => {
  it("reports progress after each batch", async () => {
    const { db } = world.server;
    // Every progress the runner writes, as the database saw it.
    await db.execute(sql`create table progress_seen (id uuid, rows_done int, rows_total int)`);
    await db.execute(sql`create function note_progress() returns trigger language plpgsql as
      $$ begin insert into progress_seen values (new.id, new.rows_done, new.rows_total); return new; end $$`);
    await db.execute(sql`create trigger note_progress after update on export_jobs
      for each row when (new.status = 'running') execute function note_progress()`);
    const [job] = await db
      .insert(exportJobs)
      .values(waitingExport(world.supervisor.user.id, "xlsx"))
      .returning();
    const deps = runnerDeps();
    while ((await runNextExport({ ...deps, batchSize: 2 })).claimed > 0);
    await db.execute(sql`drop trigger note_progress on export_jobs`);
    const { rows } = await db.execute<{ rows_done: number; rows_total: number }>(
      sql`select rows_done, rows_total from progress_seen where id = ${job!.id} order by rows_done`,
    );
    expect(rows.map((r) => r.rows_done)).toEqual([0, 0, 2, 4, 6, 7]);
    expect(new Set(rows.map((r) => r.rows_total))).toEqual(new Set([null, 7]));
    const [row] = await db.select().from(exportJobs).where(eq(exportJobs.id, job!.id));
    expect(row).toMatchObject({ status: "done", rowsDone: 7, rowsTotal: 7 });
  });

  it("is written once when two runners look for work at the same time", async () => {
    const { db } = world.server;
    const made = await db
      .insert(exportJobs)
      .values([1, 2, 3, 4].map(() => waitingExport(world.agent.user.id, "csv")))
      .returning({ id: exportJobs.id });
    const deps = runnerDeps();
    const runner = async () => {
      let claimed = 0;
      for (;;) {
        const result = await runNextExport({ ...deps, batchSize: 3 });
        if (result.claimed === 0) return claimed;
        claimed += result.claimed;
      }
    };
    const counts = await Promise.all([runner(), runner()]);
    // Each claimed once (attempt 1): between them the two took every export, none twice.
    expect(counts[0]! + counts[1]!).toBe(4);
    for (const { id } of made) {
      const [row] = await db.select().from(exportJobs).where(eq(exportJobs.id, id));
      expect(row).toMatchObject({ status: "done", attempt: 1, rowsDone: 7 });
    }
  });
});

describe("an export's file", () => {
  it("is kept in pieces that read back whole and in order, and only the finished attempt's", async () => {
    const { db } = world.server;
    const [job] = await db
      .insert(exportJobs)
      .values(waitingExport(world.supervisor.user.id, "csv"))
      .returning();
    // Three and a half pieces of 1 MiB, written in uneven writes as a sheet writer would.
    const bytes = Buffer.alloc(3.5 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 251;
    const write = async (attempt: number) => {
      const sink = new ExportFileSink(db, { id: job!.id, attempt });
      for (let at = 0; at < bytes.length; at += 300_000)
        if (!sink.write(bytes.subarray(at, at + 300_000))) await once(sink, "drain");
      sink.end();
      await once(sink, "finish");
      return sink.bytes;
    };
    expect(await write(1)).toBe(bytes.length);
    expect(await write(2)).toBe(bytes.length);
    await dropEarlierAttempts(db, { id: job!.id, attempt: 2 });
    const pieces = await db
      .select({ attempt: exportFileChunks.attempt, seq: exportFileChunks.seq })
      .from(exportFileChunks)
      .where(eq(exportFileChunks.exportId, job!.id));
    expect(pieces.map((p) => `${p.attempt}.${p.seq}`).sort()).toEqual(["2.0", "2.1", "2.2", "2.3"]);
    const read: Buffer[] = [];
    for await (const piece of await exportFileStream(db, { id: job!.id, attempt: 2 }))
      read.push(piece as Buffer);
    expect(Buffer.concat(read).equals(bytes)).toBe(true);
  });
});
