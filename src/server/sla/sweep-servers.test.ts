import { type ChildProcess, spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateData } from "../../bench/generate-data.js";
import { startTestServer, type TestServer } from "../../test/test-server.js";

/** Real kesu server processes on the test database, sweeping every 100 ms. */
let server: TestServer;
const processes: ChildProcess[] = [];

function startKesu(): { child: ChildProcess; listening: Promise<void> } {
  const env = {
    ...process.env,
    DATABASE_URL: server.app.config.DATABASE_URL,
    PORT: "0",
    HOST: "127.0.0.1",
    KESU_SWEEP_SECONDS: "0.1",
    // Many small batches: a kill lands between two of them, with clocks still due.
    KESU_SWEEP_BATCH: "10",
    LOG_LEVEL: "info",
  };
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  processes.push(child);
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout.on(
      "data",
      (chunk: Buffer) => chunk.toString().includes("Server listening") && resolve(),
    );
    child.on("exit", (code) => reject(new Error(`kesu exited early (${code})`)));
  });
  return { child, listening };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.on("exit", () => resolve()),
  );
const query = async (sql: string): Promise<any[]> => (await server.db.$client.query(sql)).rows;
const count = async (sql: string) => Number((await query(sql))[0].n);

/** Every generated complaint gets one reply clock already past its warning and its deadline. */
async function clocksAllDue(complaintIdsWhere: string) {
  await query(`insert into sla_clocks (complaint_id, name, started_at, target, due_at, warn_at_share, next_event_at)
    select id, 'customerReply', now() - interval '20 days', '{"amount":15,"unit":"calendar_days"}', now() - interval '5 days', 0.75, now() - interval '8 days'
    from complaints where ${complaintIdsWhere}`);
}
const dueLeft = () => count("select count(*) as n from sla_clocks where next_event_at is not null");
const fired = () =>
  count("select count(*) as n from timeline_events where type in ('sla_warning', 'sla_breached')");

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
afterAll(async () => {
  for (const child of processes)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await Promise.all(processes.map(exited));
  await server.close();
});

describe("the SLA sweep across kesu servers", () => {
  it("fires every warning and breach exactly once when two servers sweep the same clocks", async () => {
    const [a, b] = [startKesu(), startKesu()];
    await Promise.all([a.listening, b.listening]);
    await clocksAllDue("id in (select id from complaints order by number limit 600)");
    await waitUntil(async () => (await dueLeft()) === 0, 90_000);
    expect(await fired()).toBe(1200);
    const twice =
      await query(`select complaint_id, type from timeline_events where type in ('sla_warning', 'sla_breached')
      group by complaint_id, type having count(*) <> 1`);
    expect(twice).toEqual([]);
    a.child.kill("SIGTERM");
    b.child.kill("SIGTERM");
    await Promise.all([exited(a.child), exited(b.child)]);
  }, 120_000);

  it("loses nothing when a server is killed in the middle of sweeping", async () => {
    const before = await fired();
    const first = startKesu();
    await first.listening;
    await clocksAllDue("id not in (select complaint_id from sla_clocks)");
    await waitUntil(async () => (await fired()) > before, 60_000);
    first.child.kill("SIGKILL");
    await exited(first.child);
    // Whatever the killed server committed is whole: a clock's warning and breach went together.
    const half = await query(
      `select complaint_id from timeline_events where type in ('sla_warning', 'sla_breached') group by complaint_id having count(*) = 1`,
    );
    expect(half).toEqual([]);
    expect(await dueLeft()).toBeGreaterThan(0); // killed before the end: the rest is still due
    const second = startKesu();
    await second.listening;
    await waitUntil(async () => (await dueLeft()) === 0, 90_000);
    expect(await fired()).toBe(2400);
    const twice =
      await query(`select complaint_id, type from timeline_events where type in ('sla_warning', 'sla_breached')
      group by complaint_id, type having count(*) <> 1`);
    expect(twice).toEqual([]);
  }, 180_000);
});
