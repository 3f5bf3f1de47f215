import { type Config, loadConfig } from "../config.js";
import type { Database } from "../db/client.js";
import { openDatabase } from "../db/open-database.js";

export interface CliContext {
  db: Database;
  config: Config;
  /** kesu's own PostgreSQL (a running kesu's, or one started for this command). */
  embedded: boolean;
}

// stdout carries results (CSV, passwords); progress and warnings stay out of it.
const log = {
  info: (msg: string) => process.stderr.write(`kesu: ${msg}\n`),
  warn: (msg: string) => process.stderr.write(`kesu: ${msg}\n`),
};

/**
 * Runs one command on kesu's database: a running kesu's embedded server is shared, else the
 * embedded server is started for this command and stopped after it, also on Ctrl-C.
 */
export async function withDatabase<T>(work: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config, log, { shareRunning: true });
  const interrupt = () => {
    void database.close().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupt);
  try {
    return await work({ db: database.db, config, embedded: !config.DATABASE_URL });
  } finally {
    process.off("SIGINT", interrupt);
    await database.close();
  }
}

export const print = (line = "") => process.stdout.write(`${line}\n`);
