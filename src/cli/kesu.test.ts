import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../config.js";
import { connectDatabase } from "../db/client.js";
import { buildApp } from "../server/app.js";

// The real command line in a child process, on a database of its own copied from the template.
const adminUrl = inject("adminDatabaseUrl");
const name = `kesu_cli_${randomBytes(6).toString("hex")}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
})();

async function admin(query: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(query);
  await client.end();
}

beforeAll(() => admin(`create database ${name} template kesu_test_template`));
afterAll(() => admin(`drop database if exists ${name} with (force)`));

function kesu(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/kesu.ts", ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the kesu command line", () => {
  it("prints the usage for help, and for an unknown command exits 1", async () => {
    const help = await kesu("help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("kesu user create --username U");
    expect(help.stdout).toContain("kesu export complaints");
    const unknown = await kesu("frobnicate");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("unknown command");
  });

  it("creates a user who can then sign in, and refuses a taken agent number without a stack trace", async () => {
    const created = await kesu(
      "user",
      "create",
      "--username",
      "cli-agent",
      "--name",
      "命令行坐席",
      "--agent-no",
      "7001",
      "--role",
      "agent",
    );
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("User created: cli-agent（命令行坐席）");
    const password = created.stdout.match(/Password: (\S+)/)?.[1];
    expect(password).toBeDefined();

    const { db, pool } = connectDatabase(databaseUrl, 2);
    const app = await buildApp({ config: loadConfig({ DATABASE_URL: databaseUrl }), db });
    try {
      const signIn = await app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { username: "cli-agent", password },
      });
      expect(signIn.statusCode).toBe(200);
      expect(signIn.json().user.agentNo).toBe("7001");
    } finally {
      await app.close();
      await pool.end();
    }

    const duplicate = await kesu(
      "user",
      "create",
      "--username",
      "someone-else",
      "--name",
      "乙",
      "--agent-no",
      "7001",
      "--role",
      "agent",
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain("工号“7001”已存在");
    expect(duplicate.stderr).toContain("Agent number “7001” already exists");
    expect(duplicate.stderr).not.toMatch(/\n\s+at /);
  });

  it("names a missing option", async () => {
    const res = await kesu("user", "create", "--username", "x");
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("--name");
  });

  it("reports the system's status: sizes with the WAL, complaints, and what waits for the jobs", async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(
      `insert into outbox (channel, event_type, payload, next_attempt_at, created_at)
       values ('email', 'test', '{}', now(), now() - interval '10 minutes')`,
    );
    await client.query(
      `insert into report_facts_stale (complaint_id, marked_at)
       values (gen_random_uuid(), now() - interval '5 minutes')`,
    );
    await client.query(`insert into report_rollup_stale (day) values ('2026-03-01')`);
    await client.end();
    const json = await kesu("status", "--json");
    expect(json.stderr).toBe("");
    expect(json.code).toBe(0);
    const status = JSON.parse(json.stdout);
    expect(status.database).toMatchObject({ kind: "external", folderBytes: null });
    expect(status.database.where).not.toContain(new URL(databaseUrl).password || "\0");
    expect(status.database.databaseBytes).toBeGreaterThan(1_000_000);
    expect(status.database.largestTables).toHaveLength(5);
    expect(status.complaints).toEqual({ total: 0, open: 0 });
    expect(status.jobs.sweep).toEqual({ waitingClocks: 0, oldestWaitSeconds: null });
    expect(status.jobs.outbox).toMatchObject({ waiting: 1, retrying: 0, gaveUpLastDay: 0 });
    expect(status.jobs.outbox.oldestWaitSeconds).toBeGreaterThanOrEqual(600);
    expect(status.jobs.reportFacts.waitingCases).toBe(1);
    expect(status.jobs.reportFacts.oldestWaitSeconds).toBeGreaterThanOrEqual(300);
    expect(status.jobs.reportRollup).toEqual({ built: false, waitingDays: 1 });

    const text = await kesu("status");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("外部 / external");
    expect(text.stdout).toMatch(
      /外发队列 \/ Outbox\s+待发 \/ waiting 1 \(重试中 \/ retrying 0\), 最久 \/ oldest 10 min/,
    );
    expect(text.stdout).toContain("时限扫描 / SLA sweep");
    expect(text.stdout).toMatch(
      /报表数据 \/ Report facts\s+1 件待更新 \/ cases waiting, 最久 \/ oldest 5 min/,
    );
    expect(text.stdout).toMatch(/报表日汇总 \/ Report rollup\s+尚未建立 \/ not built yet/);
  });
});
