import { describe, expect, it } from "vitest";
import { setupWorld } from "../test/world.js";
import { pruneExpired } from "./housekeeping.js";

const world = setupWorld();

const count = async (table: string) =>
  Number((await world.server.db.$client.query(`select count(*) as n from ${table}`)).rows[0].n);

describe("housekeeping", () => {
  it("removes expired sessions, stale login failures and week-old idempotency keys, and keeps the rest", async () => {
    const sql = world.server.db.$client;
    const [{ id: userId }] = (await sql.query("select id from users limit 1")).rows;
    await sql.query(
      "insert into sessions (token_hash, user_id, expires_at) values ('old', $1, now() - interval '1 hour')",
      [userId],
    );
    await sql.query(
      "insert into login_failures (username, address, at) values ('x', '1.2.3.4', now() - interval '2 days'), ('y', '1.2.3.4', now())",
    );
    await sql.query(
      `insert into idempotency_keys (user_id, key, request_hash, status_code, response, created_at)
       values ($1, 'old', 'h', 201, '{}', now() - interval '8 days'), ($1, 'new', 'h', 201, '{}', now())`,
      [userId],
    );
    const liveSessions = (await count("sessions")) - 1;
    await pruneExpired(world.server.db);
    expect(await count("sessions")).toBe(liveSessions);
    expect((await sql.query("select username from login_failures")).rows).toEqual([
      { username: "y" },
    ]);
    expect((await sql.query("select key from idempotency_keys")).rows).toEqual([{ key: "new" }]);
  });
});
