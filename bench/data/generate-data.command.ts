import { parseArgs } from "node:util";
import { loadConfig } from "../../src/config.js";
import { runOnBenchDatabase } from "./bench-database.js";
import { BENCH_PASSWORD, generateData } from "./generate-data.js";
import { fillReportFacts } from "./report-facts.js";
import { scoreRisk } from "./risk-scores.js";

/** `npm run bench:data -- --complaints 1000000 [--seed 7]`: into the embedded database or DATABASE_URL. */
runOnBenchDatabase(async (database, pool) => {
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
  const factsStarted = performance.now();
  await fillReportFacts(database.db, loadConfig().KESU_TIMEZONE);
  const factsSeconds = (performance.now() - factsStarted) / 1000;
  const riskStarted = performance.now();
  await scoreRisk(database.db);
  const riskSeconds = (performance.now() - riskStarted) / 1000;
  process.stdout.write(
    `${JSON.stringify({ ...report, seconds: { ...report.seconds, reportFacts: factsSeconds, riskScores: riskSeconds } }, null, 2)}\nbench staff sign in as bench-agent1 … bench-supervisor1 with password ${BENCH_PASSWORD}\n`,
  );
});
