import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { connectDatabase } from "../db/client.js";
import { removeDataDir, startEmbeddedPostgres } from "../db/embedded-postgres.js";
import { migrateDatabase } from "../db/migrate.js";
import { ensureAuthorityLimitSeeds } from "../db/seeds/authority-limits.js";
import { ensureReplyTemplateSeeds } from "../db/seeds/reply-templates.js";
import { ensureSlaSeeds } from "../db/seeds/sla.js";

export const TEMPLATE_DATABASE = "kesu_test_template";

/**
 * One PostgreSQL for the whole run: Debian's when DATABASE_URL is given (CI's second pass), else
 * kesu's embedded server in a temporary folder. A migrated template makes each test file's own
 * database a cheap copy.
 */
export default async function setup(project: TestProject) {
  let stop = async () => {};
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/postgres";
    adminUrl = url.toString();
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kesu-test-"));
    // Run as root the server is user postgres's: an open folder keeps its cluster here, in /tmp,
    // wherever the checkout is (a closed one would put it under /var/lib/kesu/clusters).
    fs.chmodSync(dir, 0o755);
    const server = await startEmbeddedPostgres(dir, { info: () => {}, warn: () => {} });
    adminUrl = server.url.replace(/\/kesu$/, "/postgres");
    stop = async () => {
      await server.stop();
      removeDataDir(dir);
    };
  }
  await createTemplate(adminUrl);
  project.provide("adminDatabaseUrl", adminUrl);
  return stop;
}

async function createTemplate(adminUrl: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE}`);
  await admin.query(`create database ${TEMPLATE_DATABASE}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE_DATABASE}`;
  const { db, pool } = connectDatabase(url.toString(), 1);
  await migrateDatabase(pool);
  await ensureSlaSeeds(db, "bank");
  await ensureReplyTemplateSeeds(db);
  await ensureAuthorityLimitSeeds(db);
  await pool.end();
}
