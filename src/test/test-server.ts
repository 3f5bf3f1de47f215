import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { loadConfig } from "../config.js";
import { connectDatabase, type Database } from "../db/client.js";
import { buildApp } from "../server/app.js";
import type { Clock } from "../server/clock.js";
import type { App } from "../server/http/app-types.js";

export interface TestServer {
  app: App;
  db: Database;
  /** Base URL of the API, e.g. http://127.0.0.1:41234/api/v1 */
  api: string;
  close(): Promise<void>;
}

// Declared beside its only reader, so every program that compiles this file (the bench's too) knows it.
declare module "vitest" {
  export interface ProvidedContext {
    /** A connection to the `postgres` database, for creating one database per test file. */
    adminDatabaseUrl: string;
  }
}

/**
 * A real kesu HTTP server on a loopback port, on a fresh database copied from the migrated
 * template, so no test file sees another's rows.
 */
/**
 * With KESU_TEST_REPLICA_URL (a streaming replica of the run's PostgreSQL, as `.ci/run` starts
 * for the report tests), servers read their reports from the test database's copy there.
 */
function replicaOf(database: string): { DATABASE_READ_URL?: string } {
  const replica = process.env.KESU_TEST_REPLICA_URL;
  if (!replica) return {};
  const url = new URL(replica);
  url.pathname = `/${database}`;
  return { DATABASE_READ_URL: url.toString() };
}

export async function startTestServer(
  env: Record<string, string> = {},
  options: { webDir?: string; clock?: Clock } = {},
): Promise<TestServer> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `kesu_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template kesu_test_template`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { db, pool } = connectDatabase(url.toString(), 5);
  // Files a server writes (exports) go to a folder of its own, removed with it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kesu-test-data-"));
  const config = loadConfig({
    KESU_DATA_DIR: dataDir,
    DATABASE_URL: url.toString(),
    ...replicaOf(name),
    LOG_LEVEL: "silent",
    // Tests of other features keep their timelines as they were: those of messages to customers
    // turn them on.
    KESU_CUSTOMER_MESSAGES: "none",
    ...env,
  });
  const app = await buildApp({ config, db, ...options });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    db,
    api: `http://127.0.0.1:${port}/api/v1`,
    async close() {
      await app.close();
      await pool.end();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
