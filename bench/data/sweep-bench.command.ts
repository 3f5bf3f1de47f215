import { parseArgs } from "node:util";
import { runOnBenchDatabase } from "./bench-database.js";
import { measureSweep, TARGET_BATCH_MS } from "./sweep-bench.js";

/**
 * `npm run bench:sweep -- --clocks 1000000 [--sizes 25,200]`: the SLA sweep on the generated
 * bench data in the embedded database (KESU_DATA_DIR) or DATABASE_URL, as `bench:data` filled it.
 */
runOnBenchDatabase(async (database) => {
  const { values } = parseArgs({
    options: {
      clocks: { type: "string", default: "1000000" },
      sizes: { type: "string" },
    },
  });
  const clocks = Number(values.clocks);
  const sizes = values.sizes?.split(",").map(Number);
  if (!Number.isInteger(clocks) || clocks < 0 || sizes?.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error("usage: bench:sweep -- --clocks N [--sizes 25,200]");
  const figures = await measureSweep(database.db, clocks, sizes);
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  for (const b of figures.batches)
    process.stdout.write(
      `sweep batch of ${b.size} due clocks: ${b.medianMs.toFixed(1)} ms (median of ${b.runs.length}; ${(b.perClockMs).toFixed(2)} ms a clock; target < ${TARGET_BATCH_MS} ms: ${b.medianMs < TARGET_BATCH_MS ? "met" : "missed"})\n`,
    );
  const median = (runs: number[]) => runs[Math.floor(runs.length / 2)]!.toFixed(1);
  process.stdout.write(
    `idle sweep: ${median(figures.idleRunsWithout)} ms without and ${median(figures.idleRuns)} ms with ${clocks} open clocks not due\n`,
  );
});
