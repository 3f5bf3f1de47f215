import type { Config } from "../server/config.js";
import { connectDatabase, type Database } from "./client.js";
import { startEmbeddedPostgres } from "./embedded-postgres.js";
import { migrateDatabase } from "./migrate.js";

export interface OpenDatabase {
  db: Database;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

interface Log {
  info(msg: string): void;
  warn(msg: string): void;
}

/** `DATABASE_URL` when given, else kesu's own embedded PostgreSQL; migrated before use. */
export async function openDatabase(config: Config, log: Log): Promise<OpenDatabase> {
  const embedded = config.DATABASE_URL ? null : await startEmbeddedPostgres(config.dataDir, log);
  const url = config.DATABASE_URL ?? embedded!.url;
  const { db, pool } = connectDatabase(url);
  try {
    await migrateDatabase(pool);
  } catch (e) {
    await pool.end();
    await embedded?.stop();
    throw e;
  }
  return {
    db,
    url,
    embedded: embedded !== null,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}
