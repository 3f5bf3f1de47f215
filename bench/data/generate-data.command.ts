import { parseArgs } from "node:util";
import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { connectDatabase } from "../../src/db/client.js";
import { openDatabase } from "../../src/db/open-database.js";
import { BENCH_PASSWORD, generateData } from "./generate-data.js";

/** `npm run bench:data -- --complaints 1000000 [--seed 7]`: into the embedded database or DATABASE_URL. */
async function main() {
  const { values } = parseArgs({
    options: {
      complaints: { type: "string", default: "100000" },
      seed: { type: "string", default: "7" },
    },
  });
  const complaints = Number(values.complaints);
  const seed = Number(values.seed);
  if (!Number.isInteger(complaints) || complaints < 1 || !Number.isInteger(seed))
    throw new Error("usage: bench:data -- --complaints N [--seed S]");
  const config = loadConfig();
  const log = pino({ level: "warn" });
  const database = await openDatabase(config, log);
  const { pool } = connectDatabase(database.url, 2);
  try {
    let last = 0;
    const report = await generateData(pool, {
      complaints,
      seed,
      progress: (line) => {
        if (Date.now() - last > 5000) {
          last = Date.now();
          process.stderr.write(`  ${line}\n`);
        }
      },
    });
    process.stdout.write(
      `${JSON.stringify(report, null, 2)}\nbench staff sign in as bench-agent1 … bench-supervisor1 with password ${BENCH_PASSWORD}\n`,
    );
  } finally {
    await pool.end();
    await database.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
