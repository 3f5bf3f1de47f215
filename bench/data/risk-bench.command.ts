import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/open-database.js";
import { measureRiskRefresh } from "./risk-bench.js";

/**
 * `npm run bench:risk`: what scoring escalation risk again costs a change, on the bench data in
 * the embedded database (KESU_DATA_DIR) or DATABASE_URL, as `bench:data` filled it.
 */
async function main() {
  const database = await openDatabase(loadConfig(), pino({ level: "warn" }));
  try {
    const unchanged: number[] = [];
    const ms = await measureRiskRefresh(database.db, 200, unchanged);
    const at = (q: number, of = ms) =>
      of[Math.min(of.length - 1, Math.floor(q * of.length))]!.toFixed(2);
    const { rows } = await database.db.$client.query("select count(*)::int as n from complaints");
    process.stdout.write(
      `risk recomputation a change: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms; when the risk does not move (read only): p50 ${at(0.5, unchanged)} ms, p95 ${at(0.95, unchanged)} ms (${ms.length} changes, ${rows[0].n} complaints)\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
