import { connectDatabase, type Database } from "./client.js";
import { runningEmbeddedUrl, startEmbeddedPostgres } from "./embedded-postgres.js";
import { migrateDatabase } from "./migrate.js";
import { ensureAuthorityLimitSeeds } from "./seeds/authority-limits.js";
import { ensureReplyTemplateSeeds } from "./seeds/reply-templates.js";
import { ensureSlaSeeds, type SlaProfile } from "./seeds/sla.js";

export interface OpenDatabase {
  db: Database;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** What opening the database needs of kesu's configuration. */
export interface DatabaseSettings {
  DATABASE_URL?: string;
  dataDir: string;
  KESU_SLA_PROFILE: SlaProfile;
}

interface Log {
  info(msg: string): void;
  warn(msg: string): void;
}

/**
 * `DATABASE_URL` when given, else kesu's own embedded PostgreSQL; migrated before use. With
 * `shareRunning` (the admin CLI) the embedded database of a kesu already running on the same data
 * folder is used rather than refused.
 */
export async function openDatabase(
  config: DatabaseSettings,
  log: Log,
  { shareRunning = false } = {},
): Promise<OpenDatabase> {
  const shared = !config.DATABASE_URL && shareRunning ? runningEmbeddedUrl(config.dataDir) : null;
  const embedded =
    config.DATABASE_URL || shared ? null : await startEmbeddedPostgres(config.dataDir, log);
  const url = config.DATABASE_URL ?? shared ?? embedded!.url;
  const { db, pool } = connectDatabase(url);
  try {
    await migrateDatabase(pool);
    await ensureSlaSeeds(db, config.KESU_SLA_PROFILE);
    await ensureReplyTemplateSeeds(db);
    await ensureAuthorityLimitSeeds(db);
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
