import { parseArgs } from "node:util";
import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/open-database.js";
import { measureRouting } from "./routing-bench.js";

/**
 * `npm run bench:routing [-- --cases 100]`: the router's cost a case on the generated bench data
 * in the embedded database (KESU_DATA_DIR) or DATABASE_URL, as `bench:data` filled it.
 */
async function main() {
  const { values } = parseArgs({ options: { cases: { type: "string", default: "100" } } });
  const cases = Number(values.cases);
  if (!Number.isInteger(cases) || cases < 1) throw new Error("usage: bench:routing -- --cases N");
  const database = await openDatabase(loadConfig(), pino({ level: "warn" }));
  try {
    for (const figure of await measureRouting(database.db, cases)) {
      const median = figure.perCaseMs[Math.floor(figure.perCaseMs.length / 2)]!;
      process.stdout.write(
        `routing (${figure.rule}), ${cases} waiting cases a round: ${median.toFixed(2)} ms a case (median of ${figure.perCaseMs.length})\n`,
      );
    }
    const { rows } = await database.db.$client.query("select count(*)::int as n from complaints");
    process.stdout.write(`on ${rows[0].n} complaints\n`);
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
