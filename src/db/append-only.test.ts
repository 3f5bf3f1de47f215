import { describe, expect, it } from "vitest";
import { makeComplaint } from "../test/factories.js";
import { setupWorld } from "../test/world.js";

/** History is append-only in the database itself (migrations 0001 and 0015), not only in kesu. */
const world = setupWorld(async ({ admin }) => {
  // A complaint through the API: its timeline and the admin's user record leave history rows.
  await makeComplaint(admin);
  await admin.post("/departments", { name: "历史部", code: "HIST" });
  return {};
});

const query = (sql: string) => world.server.db.$client.query(sql);
const count = async (table: string) =>
  Number((await query(`select count(*) as n from ${table}`)).rows[0].n);

/** PostgreSQL's error code for restrict_violation, raised by kesu_refuse_history_change(). */
const RESTRICT_VIOLATION = "23001";

async function refused(sql: string) {
  const error = await query(sql).then(
    () => null,
    (e: { code?: string; message?: string }) => e,
  );
  expect(error, `expected refusal of: ${sql}`).not.toBeNull();
  expect(error).toMatchObject({ code: RESTRICT_VIOLATION });
  return error!;
}

describe.each([
  {
    table: "timeline_events",
    insert: `insert into timeline_events (complaint_id, type, data)
      select complaint_id, 'note', '{"text":"追加"}' from timeline_events limit 1`,
  },
  {
    table: "audit_log",
    insert: `insert into audit_log (action, entity, entity_id, data)
      values ('test', 'department', 'x', '{}')`,
  },
])("$table", ({ table, insert }) => {
  it("has rows to protect", async () => {
    expect(await count(table)).toBeGreaterThan(0);
  });

  it("refuses UPDATE", async () => {
    const error = await refused(`update ${table} set data = '{"changed":true}'`);
    expect(error.message).toBe(`kesu: ${table} is append-only`);
    expect(
      (await query(`select count(*) as n from ${table} where data ? 'changed'`)).rows[0].n,
    ).toBe(0);
  });

  it("refuses DELETE", async () => {
    const before = await count(table);
    await refused(`delete from ${table}`);
    expect(await count(table)).toBe(before);
  });

  it("refuses TRUNCATE", async () => {
    const before = await count(table);
    await refused(`truncate ${table}`);
    expect(await count(table)).toBe(before);
  });

  it("still takes inserts", async () => {
    const before = await count(table);
    await query(insert);
    expect(await count(table)).toBe(before + 1);
  });
});
