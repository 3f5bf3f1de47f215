import { DEFAULT_SWEEP_BATCH } from "../../src/config.js";
import type { Database } from "../../src/db/client.js";
import { sweepDueClocks } from "../../src/jobs/sla-sweep/sweep.js";

/** Issue 4: a sweep batch in under 20 ms, whatever the number of clocks not yet due. */
export const TARGET_BATCH_MS = 20;
const ROUNDS = 5;

export interface SweepBatchFigures {
  size: number;
  /** One timing per round, sorted. */
  runs: number[];
  medianMs: number;
  perClockMs: number;
  /** Bell rows a batch wrote: each case's owner, plus one digest per supervisor. */
  notificationsPerBatch: number;
}

export interface SweepFigures {
  openClocksNotDue: number;
  insertSeconds: number;
  batches: SweepBatchFigures[];
  /** A sweep that finds nothing due, before those clocks were added and with them running. */
  idleRunsWithout: number[];
  idleRuns: number[];
}

/**
 * The SLA sweep's cost with many open clocks: adds `clocks` running clocks not due for days (on
 * the generated bench complaints), then times batches of each size, each round with that many
 * clocks made due just before (past both marks, as after downtime: the most a clock can fire).
 * The added clocks are removed again; the events and notifications they fired stay, as any
 * sweep's would.
 */
export async function measureSweep(
  db: Database,
  clocks: number,
  sizes: readonly number[] = [DEFAULT_SWEEP_BATCH, 200],
): Promise<SweepFigures> {
  const sql = db.$client;
  try {
    await sql.query("delete from sla_clocks where policy_id = 'bench'");
    const complaints = Number((await sql.query("select count(*) as n from complaints")).rows[0].n);
    if (complaints === 0) throw new Error("no complaints: run npm run bench:data first");
    const idleRunsWithout = await timeIdle(db);
    const started = performance.now();
    await sql.query(
      `with numbered as (select id, row_number() over () - 1 as i from complaints)
       insert into sla_clocks (complaint_id, name, policy_id, started_at, target, due_at, warn_at_share, next_event_at)
       select c.id, 'customerReply', 'bench', now(), '{"amount":15,"unit":"calendar_days"}', now() + interval '15 days', 0.75, now() + interval '10 days'
       from generate_series(0, $1 - 1) g join numbered c on c.i = g % $2`,
      [clocks, complaints],
    );
    const insertSeconds = (performance.now() - started) / 1000;
    await sql.query("analyze sla_clocks");
    const batches: SweepBatchFigures[] = [];
    for (const size of sizes) batches.push(await timeBatches(db, size));
    const idleRuns = await timeIdle(db);
    return { openClocksNotDue: clocks, insertSeconds, batches, idleRunsWithout, idleRuns };
  } finally {
    await sql.query("delete from sla_clocks where policy_id = 'bench'");
  }
}

const byValue = (a: number, b: number) => a - b;
const elapsedSince = (start: number) => Math.round((performance.now() - start) * 100) / 100;

async function timeIdle(db: Database): Promise<number[]> {
  const runs: number[] = [];
  while (runs.length < ROUNDS) {
    const t = performance.now();
    const { claimed } = await sweepDueClocks(db, new Date());
    // Clocks of the data that fell due meanwhile make a working sweep, not an idle one.
    if (claimed === 0) runs.push(elapsedSince(t));
  }
  return runs.sort(byValue);
}

async function timeBatches(db: Database, size: number): Promise<SweepBatchFigures> {
  const sql = db.$client;
  const runs: number[] = [];
  const since = new Date();
  for (let round = 0; round < ROUNDS; round++) {
    await sql.query(
      `insert into sla_clocks (complaint_id, name, policy_id, started_at, target, due_at, warn_at_share, next_event_at)
       select id, 'customerReply', 'bench', now() - interval '20 days', '{"amount":15,"unit":"calendar_days"}', now() - interval '5 days', 0.75, now() - interval '8 days'
       from complaints order by random() limit $1`,
      [size],
    );
    const t = performance.now();
    const result = await sweepDueClocks(db, new Date(), { batchSize: size });
    runs.push(elapsedSince(t));
    if (result.claimed !== size) throw new Error(`claimed ${result.claimed}, expected ${size}`);
  }
  const told = await sql.query("select count(*) as n from notifications where created_at >= $1", [
    since,
  ]);
  runs.sort(byValue);
  const medianMs = runs[Math.floor(ROUNDS / 2)]!;
  return {
    size,
    runs,
    medianMs,
    perClockMs: Math.round((medianMs / size) * 1000) / 1000,
    notificationsPerBatch: Number(told.rows[0].n) / ROUNDS,
  };
}
