import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrateDatabase } from "./migrate.js";

// Migration 0017 on a database written before it: replies and notes move out of the complaint's
// search text into case_texts, with contacts beside them, and the search finds each there.
const adminUrl = inject("adminDatabaseUrl");
const name = `kesu_case_texts_${randomBytes(4).toString("hex")}`;
const migrations = new URL("./migrations/", import.meta.url);
let pool: pg.Pool | undefined;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await pool?.end();
  await admin(`drop database if exists ${name} with (force)`);
});

/** The migrations folder as it was before 0017: the same files, the journal cut after 0016. */
function migrationsBefore0017(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kesu-0016-"));
  fs.cpSync(migrations, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8"));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 16);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe("migration 0017 (case texts)", () => {
  it("moves replies and notes out of the complaint's text and makes them and contacts searchable", async () => {
    await admin(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
    const folder = migrationsBefore0017();
    await migrate(drizzle(pool), { migrationsFolder: folder });
    fs.rmSync(folder, { recursive: true, force: true });
    // A case as kesu wrote it before 0017: its note and reply folded into its search text.
    await pool.query(`
      with u as (insert into users (username, display_name, agent_no, role, password_hash)
                 values ('a1', '坐席', '9001', 'agent', 'x') returning id),
           cu as (insert into customers (name, phone) values ('周先生', '13912345678') returning id),
           c as (insert into complaints (number, kind, channel, customer_id, subject, description,
                                         status, due_at, created_by_id, created_at)
                 select 'KS20260101-000001', 'complaint', 'phone', cu.id, '年费争议', '客户不认可年费',
                        'replied', now(), u.id, '2026-01-01T08:00:00Z' from u, cu returning id)
      insert into timeline_events (complaint_id, type, data)
      select c.id, e.type, e.data::jsonb from c, (values
        ('created', '{"number": "KS20260101-000001"}'),
        ('note', '{"text": "客户情绪激动"}'),
        ('contact', '{"direction": "outbound", "channel": "phone", "summary": "外呼查无此人"}'),
        ('replied', '{"message": "已减免年费"}')) as e(type, data)`);
    await pool.query("update complaints set search_text = kesu_search_text(id)");
    const before = await pool.query("select search_text from complaints");
    expect(before.rows[0].search_text).toContain("客户情绪激动");

    await migrateDatabase(pool);

    const texts = await pool.query(`
      select t.text, t.complaint_created_at = c.created_at as created, t.event_id = e.id as event
      from case_texts t join complaints c on c.id = t.complaint_id
                        join timeline_events e on e.id = t.event_id
      order by t.event_id`);
    expect(texts.rows).toEqual([
      { text: "客户情绪激动", created: true, event: true },
      { text: "外呼查无此人", created: true, event: true },
      { text: "已减免年费", created: true, event: true },
    ]);
    const after = await pool.query("select search_text from complaints");
    expect(after.rows[0].search_text).toBe(
      "KS20260101-000001 周先生 13912345678 年费争议 客户不认可年费",
    );
    const found = await pool.query(
      `select count(*)::int as n from case_texts
       where search_grams @> kesu_query_grams($1) and strpos(text, $1) > 0`,
      ["查无此人"],
    );
    expect(found.rows[0].n).toBe(1);
  });
});
