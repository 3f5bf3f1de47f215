import { parseArgs } from "node:util";
import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { connectDatabase } from "../../src/db/client.js";
import { openDatabase } from "../../src/db/open-database.js";
import { measurePartitions } from "./partition-bench.js";

/**
 * `npm run bench:partitions -- --complaints 1000000`: a plain and a monthly-partitioned copy of the
 * timeline, filled alike, and the complaint page's read on each (docs/scaling.md, partitioning).
 */
async function main() {
  const { values } = parseArgs({
    options: { complaints: { type: "string", default: "1000000" } },
  });
  const complaints = Number(values.complaints);
  if (!Number.isInteger(complaints) || complaints < 1)
    throw new Error("usage: bench:partitions -- --complaints N");
  const database = await openDatabase(loadConfig(), pino({ level: "warn" }));
  const { pool } = connectDatabase(database.url, 2);
  try {
    const figures = await measurePartitions(pool, { complaints });
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await pool.end();
    await database.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
