import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/open-database.js";
import { exportJobs, users } from "../../src/db/schema.js";
import { runNextExport } from "../../src/server/exports/run-export.js";
import { ensureBenchData } from "../api/bench-data.js";

/**
 * `npm run bench:export [-- --complaints 1000000] [--format xlsx|csv]`: the whole queue (every
 * case, as a supervisor sees it) exported by the server's own export runner, in this process,
 * on the bench data (made once under bench/.data/<size>). Reports the rows, the time and this
 * process's resident memory: its peak (sampled every 50 ms), the peak of each quarter of the run
 * (flat memory: no quarter above the one before) and what it was before the export.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      complaints: { type: "string", default: "100000" },
      format: { type: "string", default: "xlsx" },
    },
  });
  const format = values.format === "csv" ? "csv" : "xlsx";
  const dataDir = await ensureBenchData(Number(values.complaints));
  const config = loadConfig({ ...process.env, KESU_DATA_DIR: dataDir, LOG_LEVEL: "warn" });
  const database = await openDatabase(config, pino({ level: "warn" }));
  try {
    const [supervisor] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, "bench-supervisor1"));
    if (!supervisor) throw new Error("no bench-supervisor1: run bench:data first");
    const [job] = await database.db
      .insert(exportJobs)
      .values({
        requestedById: supervisor.id,
        kind: "queue",
        format,
        request: { title: "bench", filters: {} },
        expiresAt: new Date(Date.now() + 3_600_000),
      })
      .returning();
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const samples: number[] = [];
    const sampler = setInterval(() => {
      const rss = process.memoryUsage().rss;
      peak = Math.max(peak, rss);
      samples.push(rss);
    }, 50);
    const started = performance.now();
    await runNextExport({ db: database.db, timeZone: config.KESU_TIMEZONE });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const [done] = await database.db.select().from(exportJobs).where(eq(exportJobs.id, job!.id));
    await database.db.delete(exportJobs).where(eq(exportJobs.id, job!.id));
    const mb = (bytes: number) => Math.round(bytes / 1_048_576);
    process.stdout.write(
      `${JSON.stringify(
        {
          format,
          status: done?.status,
          error: done?.error ?? undefined,
          rows: done?.rowsDone,
          fileMB: mb(done?.fileSize ?? 0),
          seconds: Math.round(seconds * 10) / 10,
          rowsPerSecond: Math.round((done?.rowsDone ?? 0) / seconds),
          rssBeforeMB: mb(before),
          rssPeakMB: mb(peak),
          // Flat memory: each quarter of the run peaks about as high as the one before.
          rssPeakByQuarterMB: [0, 1, 2, 3].map((q) =>
            mb(
              Math.max(
                ...samples.slice(
                  Math.floor((q * samples.length) / 4),
                  Math.floor(((q + 1) * samples.length) / 4),
                ),
              ),
            ),
          ),
          target: "peak RSS < 300 MB at 1M rows",
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
