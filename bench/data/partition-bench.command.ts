import { parseArgs } from "node:util";
import { runOnBenchDatabase } from "./bench-database.js";
import { measurePartitions } from "./partition-bench.js";

/**
 * `npm run bench:partitions -- --complaints 1000000`: a plain and a monthly-partitioned copy of the
 * timeline, filled alike, and the complaint page's read on each (docs/scaling.md, partitioning).
 */
runOnBenchDatabase(async (_database, pool) => {
  const { values } = parseArgs({
    options: { complaints: { type: "string", default: "1000000" } },
  });
  const complaints = Number(values.complaints);
  if (!Number.isInteger(complaints) || complaints < 1)
    throw new Error("usage: bench:partitions -- --complaints N");
  const figures = await measurePartitions(pool, { complaints });
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
});
