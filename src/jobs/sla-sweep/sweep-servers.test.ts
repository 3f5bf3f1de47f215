import { type ChildProcess, spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateData } from "../../../bench/data/generate-data.js";
import { startTestServer, type TestServer } from "../../test/test-server.js";

/**
 * Real kesu server processes on the test database, sweeping every 100 ms in batches of 10.
 * Nothing in the database says which server fired an event, so each server's own account of its
 * batches (the sweep's debug line "batch done": claimed, warnings, breaches) is read from its log.
 * The test decides when batches may commit by holding a SHARE lock on timeline_events: a sweep
 * claims its clocks, then waits at its first write with the clocks still locked and uncommitted.
 */
let server: TestServer;

interface Kesu {
  child: ChildProcess;
  listening: Promise<void>;
  /** stdout and stderr read to the end. */
  closed: Promise<void>;
  /** Warnings and breaches this server reports it committed. */
  fired: { warnings: number; breaches: number };
}
const servers: Kesu[] = [];

function startKesu(): Kesu {
  const env = {
    ...process.env,
    DATABASE_URL: server.app.config.DATABASE_URL,
    PORT: "0",
    HOST: "127.0.0.1",
    KESU_SWEEP_SECONDS: "0.1",
    KESU_SWEEP_BATCH: "10",
    LOG_LEVEL: "debug",
  };
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const fired = { warnings: 0, breaches: 0 };
  let pending = "";
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        if (line.includes("Server listening")) resolve();
        if (!line.startsWith("{")) continue;
        const entry = JSON.parse(line);
        if (entry.job === "sla-sweep" && entry.msg === "batch done") {
          fired.warnings += entry.warnings;
          fired.breaches += entry.breaches;
        }
      }
    });
    child.on("exit", (code) => reject(new Error(`kesu exited early (${code})`)));
  });
  listening.catch(() => {});
  const closed = new Promise<void>((resolve) => child.on("close", () => resolve()));
  const kesu = { child, listening, closed, fired };
  servers.push(kesu);
  return kesu;
}

async function stop(kesu: Kesu, signal: NodeJS.Signals = "SIGTERM") {
  if (kesu.child.exitCode === null && kesu.child.signalCode === null) kesu.child.kill(signal);
  await kesu.closed;
}

const query = async (sql: string, params: unknown[] = []): Promise<any[]> =>
  (await server.db.$client.query(sql, params)).rows;
const count = async (sql: string, params: unknown[] = []) =>
  Number((await query(sql, params))[0].n);

/** Every chosen complaint gets one reply clock already past its warning and its deadline. */
async function clocksAllDue(complaintIdsWhere: string): Promise<number> {
  const { rowCount } =
    await server.db.$client.query(`insert into sla_clocks (complaint_id, name, started_at, target, due_at, warn_at_share, next_event_at)
    select id, 'customerReply', now() - interval '20 days', '{"amount":15,"unit":"calendar_days"}', now() - interval '5 days', 0.75, now() - interval '8 days'
    from complaints where ${complaintIdsWhere}`);
  return rowCount ?? 0;
}
const dueLeft = () => count("select count(*) as n from sla_clocks where next_event_at is not null");
const fired = () =>
  count("select count(*) as n from timeline_events where type in ('sla_warning', 'sla_breached')");
const firedTwice = () =>
  query(`select complaint_id, type from timeline_events where type in ('sla_warning', 'sla_breached')
    group by complaint_id, type having count(*) <> 1`);
/** Warnings and breaches recorded for these clocks. */
const firedFor = (clockIds: string[]) =>
  count(
    `select count(*) as n from timeline_events
     where type in ('sla_warning', 'sla_breached') and data->>'clockId' = any($1::text[])`,
    [clockIds],
  );

/** Holds back every write to timeline_events (and so every sweep's batch) until released. */
let held: pg.PoolClient | null = null;
async function holdTimelineWrites() {
  const client: pg.PoolClient = await server.db.$client.connect();
  held = client;
  await client.query("begin");
  await client.query("lock table timeline_events in share mode");
}
async function release() {
  if (!held) return;
  const client = held;
  held = null;
  await client.query("rollback");
  client.release();
}
/** Due clocks some other transaction holds locked: the batches claimed and not yet committed. */
const claimedClocks = async () =>
  (
    await query(`select id from sla_clocks where next_event_at is not null
      except select id from (select id from sla_clocks where next_event_at is not null
        for update skip locked) free`)
  ).map((row) => row.id as string);

async function waitUntil(condition: () => Promise<boolean>, ms: number) {
  const until = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error("timed out");
    await sleep(20);
  }
}

beforeAll(async () => {
  server = await startTestServer();
  await generateData(server.db.$client, { complaints: 1200, seed: 5, now: new Date() });
}, 120_000);
afterEach(async () => {
  await release(); // a failed test may leave the sweeps held: they could not stop
  await Promise.all(servers.map((kesu) => stop(kesu)));
});
afterAll(() => server.close());

describe("the SLA sweep across kesu servers", () => {
  it("has both servers claim batches of the same due clocks, and fires each event once", async () => {
    const [a, b] = [startKesu(), startKesu()];
    await Promise.all([a.listening, b.listening]);
    await holdTimelineWrites();
    await clocksAllDue("id in (select id from complaints order by number limit 600)");
    // Each server claims a batch and cannot commit it: twenty clocks held means two servers each
    // hold ten different clocks (one server sweeps one batch at a time). Counted on the clocks, not
    // on the backends waiting for the timeline: a server's start-up jobs (risk scoring, report
    // facts on the 1,200 cases) may hold rows a sweep waits for elsewhere, and take a while.
    await waitUntil(async () => (await claimedClocks()).length === 20, 90_000);
    const claimed = await claimedClocks();
    expect(claimed).toHaveLength(20);
    await release();

    await waitUntil(async () => (await dueLeft()) === 0, 90_000);
    expect(await fired()).toBe(1200);
    expect(await firedTwice()).toEqual([]);
    expect(await firedFor(claimed)).toBe(40);
    await Promise.all([stop(a), stop(b)]);
    // Each server's own log: both fired some, and together exactly what the timeline holds.
    expect(a.fired.warnings).toBeGreaterThanOrEqual(10);
    expect(b.fired.warnings).toBeGreaterThanOrEqual(10);
    expect(a.fired.warnings + b.fired.warnings).toBe(600);
    expect(a.fired.breaches + b.fired.breaches).toBe(600);
  }, 240_000);

  it("loses nothing a server had claimed when it is killed before committing", async () => {
    const before = await fired();
    const first = startKesu();
    await first.listening;
    const clocks = await clocksAllDue("id not in (select complaint_id from sla_clocks)");
    await waitUntil(async () => (await fired()) > before, 60_000);
    // Mid-sweep: batches are committed, and the next one is claimed and waiting to write.
    await holdTimelineWrites();
    await waitUntil(async () => (await claimedClocks()).length === 10, 60_000);
    const claimed = await claimedClocks();
    expect(claimed).toHaveLength(10);
    const committed = await fired();
    expect(committed).toBeGreaterThan(before);

    first.child.kill("SIGKILL");
    await first.closed;
    await release();
    // Its connection's transaction goes with it: it can never commit the claimed batch, and the
    // clocks are free again.
    await waitUntil(async () => (await claimedClocks()).length === 0, 30_000);
    expect(await fired()).toBe(committed);
    expect(await firedFor(claimed)).toBe(0);
    expect(
      await count(
        "select count(*) as n from sla_clocks where id = any($1::uuid[]) and warned_at is null and next_event_at is not null",
        [claimed],
      ),
    ).toBe(10);
    // Whatever the killed server committed is whole: a clock's warning and breach went together.
    const half = await query(
      `select complaint_id from timeline_events where type in ('sla_warning', 'sla_breached') group by complaint_id having count(*) = 1`,
    );
    expect(half).toEqual([]);

    const second = startKesu();
    await second.listening;
    await waitUntil(async () => (await dueLeft()) === 0, 90_000);
    expect(await fired()).toBe(before + 2 * clocks);
    expect(await firedTwice()).toEqual([]);
    expect(await firedFor(claimed)).toBe(20);
    await stop(second);
    expect(second.fired.warnings + second.fired.breaches).toBe(before + 2 * clocks - committed);
  }, 240_000);
});
