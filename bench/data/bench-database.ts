import type pg from "pg";
import { pino } from "pino";
import { loadConfig } from "../../src/config.js";
import { connectDatabase } from "../../src/db/client.js";
import { type OpenDatabase, openDatabase } from "../../src/db/open-database.js";

/**
 * Runs a bench command on the embedded database (KESU_DATA_DIR) or DATABASE_URL with a pool of
 * two, closes both whatever happens, and exits 1 with the message when it fails.
 */
export function runOnBenchDatabase(work: (database: OpenDatabase, pool: pg.Pool) => Promise<void>) {
  const run = async () => {
    const database = await openDatabase(loadConfig(), pino({ level: "warn" }));
    const { pool } = connectDatabase(database.url, 2);
    try {
      await work(database, pool);
    } finally {
      await pool.end();
      await database.close();
    }
  };
  run().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
