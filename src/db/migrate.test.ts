import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { connectDatabase } from "./client.js";
import { migrateDatabase } from "./migrate.js";

const adminUrl = inject("adminDatabaseUrl");
const name = `kesu_migrate_${randomBytes(4).toString("hex")}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(() => admin(`drop database if exists ${name} with (force)`));

describe("migrations at start", () => {
  it("are applied exactly once when several servers start together", async () => {
    await admin(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const servers = [1, 2, 3].map(() => connectDatabase(url.toString(), 2));
    await Promise.all(servers.map(({ pool }) => migrateDatabase(pool)));
    const journal = JSON.parse(
      fs.readFileSync(new URL("./migrations/meta/_journal.json", import.meta.url), "utf8"),
    );
    const applied = await servers[0]!.pool.query(
      "select count(*)::int as n from drizzle.__drizzle_migrations",
    );
    expect(applied.rows[0].n).toBe(journal.entries.length);
    const categories = await servers[0]!.pool.query(
      "select count(*)::int as n from taxonomy_terms where list = 'category'",
    );
    expect(categories.rows[0].n).toBeGreaterThan(5);
    await Promise.all(servers.map(({ pool }) => pool.end()));
  });
});
