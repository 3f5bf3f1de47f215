import { pino } from "pino";
import { DEFAULT_SWEEP_BATCH, loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/open-database.js";
import { measureRiskRefresh } from "../data/risk-bench.js";
import { measureRouting } from "../data/routing-bench.js";
import { measureSweep, TARGET_BATCH_MS } from "../data/sweep-bench.js";
import type { Figures } from "./report.js";

/**
 * The figures measured in this process on the same data once the servers are down (a server's
 * own sweep would take the due clocks). (10) Issue 4's SLA sweep: batch time beside its target,
 * and an idle sweep without and with the open clocks, which must cost the same; then routing
 * (12) and risk recomputation (15).
 */
export async function measureInProcess(
  figures: Figures,
  complaints: number,
  dataDir: string,
  clocks: number,
) {
  const env = { KESU_DATA_DIR: dataDir, LOG_LEVEL: "warn" } as NodeJS.ProcessEnv;
  const database = await openDatabase(loadConfig(env), pino({ level: "warn" }));
  try {
    const sweep = await measureSweep(database.db, clocks);
    for (const batch of sweep.batches)
      figures.add(
        10,
        `SLA sweep batch of ${batch.size} due clocks, ${clocks} open clocks not due`,
        "ms",
        batch.runs,
        batch.size === DEFAULT_SWEEP_BATCH ? { op: "<=", limit: TARGET_BATCH_MS } : undefined,
      );
    const [, large] = sweep.batches;
    if (large)
      figures.add(10, `SLA sweep cost a clock in a batch of ${large.size}`, "ms", [
        large.perClockMs,
      ]);
    figures.add(10, "idle SLA sweep without the open clocks", "ms", sweep.idleRunsWithout);
    figures.add(10, `idle SLA sweep with ${clocks} open clocks not due`, "ms", sweep.idleRuns);
    // Issue 18: what giving a waiting case to someone on duty costs on this much data.
    for (const routing of await measureRouting(database.db))
      figures.add(
        12,
        `routing (${routing.rule}) cost a case, ${routing.casesPerRound} waiting, ${complaints} complaints`,
        "ms",
        routing.perCaseMs,
      );
    // Issue 17: escalation risk is scored again in the transaction of every change.
    const risk = await measureRiskRefresh(database.db);
    figures.add(15, `risk recomputation cost a change p95, ${complaints} complaints`, "ms", [
      risk[Math.floor(risk.length * 0.95)]!,
    ]);
    return sweep;
  } finally {
    await database.close();
  }
}
