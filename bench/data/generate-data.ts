import type pg from "pg";
import { intakeRhythm } from "../../src/demo/intake-rhythm.js";
import { seededRandom } from "../../src/demo/seeded-random.js";
import { hashPassword } from "../../src/server/auth/secrets.js";
import { BulkCustomers } from "./bulk-customers.js";
import {
  callbackColumns,
  complaintColumns,
  contactColumns,
  customerColumns,
  eventColumns,
  insertRows,
  workOrderColumns,
} from "./bulk-insert.js";
import { planWorld, type World } from "./bulk-world.js";
import { HISTORY_DAYS, type PlannedCase, planComplaint } from "./plan-complaint.js";

export const BENCH_PASSWORD = "kesu-bench-2026";
const loadedTables = [
  "complaints",
  "work_orders",
  "timeline_events",
  "case_texts",
  "contacts",
  "callbacks",
];

export interface GenerateOptions {
  complaints: number;
  seed: number;
  /** The present the year of history leads up to. */
  now?: Date;
  batchSize?: number;
  /** Share of complaints from a customer already on record. */
  repeatChance?: number;
  progress?: (line: string) => void;
}

export interface GenerateReport {
  complaints: number;
  customers: number;
  workOrders: number;
  events: number;
  seconds: { load: number; indexes: number };
}

/**
 * Loads a reproducible call center's year of complaints: staff, customers (many returning),
 * complaints in every state with their work orders, timelines, contacts and callbacks. Secondary
 * indexes are dropped during the load and rebuilt after, as bulk loads should.
 */
export async function generateData(
  pool: pg.Pool,
  options: GenerateOptions,
): Promise<GenerateReport> {
  const {
    complaints: total,
    seed,
    batchSize = 2000,
    repeatChance = 0.35,
    progress = () => {},
  } = options;
  const now = options.now ?? new Date();
  const rng = seededRandom(seed);
  const world = planWorld(rng);
  const client = await pool.connect();
  try {
    const existing = await client.query("select 1 from departments where code = 'bench-cs'");
    if (existing.rowCount)
      throw new Error(
        "kesu: this database already holds generated bench data; use a fresh database",
      );
    await insertWorld(client, world);
    const firstSerial = Number(
      (await client.query("select nextval('complaint_number_seq') as n")).rows[0].n,
    );
    await client.query("select setval('complaint_number_seq', $1)", [firstSerial + total]);
    const indexes = await dropSecondaryIndexes(client);
    await skipForeignKeyChecks(client);

    const started = performance.now();
    const customers = new BulkCustomers(rng, repeatChance);
    const counts = { complaints: 0, customers: 0, workOrders: 0, events: 0 };
    const receivedAt = intakeRhythm(now, HISTORY_DAYS);
    // PostgreSQL writes one batch while this process plans the next: two cores, both busy.
    let writing: Promise<void> = Promise.resolve();
    for (let done = 0; done < total; done += batchSize) {
      const batch: PlannedCase[] = [];
      for (let i = done; i < Math.min(total, done + batchSize); i++) {
        // Chronological, so a returning customer's earlier case really is earlier: the rhythm
        // rises with its input.
        const at = receivedAt((i + rng.next()) / total);
        customers.at = at;
        batch.push(planComplaint(rng, world, customers.customerFor, firstSerial + i, at, now));
      }
      const fresh = customers.takeFresh();
      await writing;
      writing = insertBatch(client, fresh, batch);
      counts.complaints += batch.length;
      counts.customers += fresh.length;
      for (const { path } of batch) {
        counts.workOrders += path.workOrders.length;
        counts.events += path.events.length;
      }
      progress(
        `${counts.complaints}/${total} complaints, ${Math.round(performance.now() - started) / 1000}s`,
      );
    }
    await writing;
    await client.query("reset session_replication_role");
    const loaded = performance.now();
    // A parent that absorbed a repeat carries the repeat flag, as the merge command sets it.
    await client.query(
      "update complaints set flags = array_append(flags, 'repeat') where id in (select merged_into_id from complaints where merged_into_id is not null) and not ('repeat' = any(flags))",
    );
    for (const definition of indexes) await client.query(definition);
    await client.query(`vacuum analyze ${[...loadedTables, "customers"].join(", ")}`);
    return {
      ...counts,
      seconds: { load: (loaded - started) / 1000, indexes: (performance.now() - loaded) / 1000 },
    };
  } finally {
    client.release();
  }
}

async function insertWorld(client: pg.PoolClient, world: World) {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await client.query("begin");
  for (const d of world.departments)
    await client.query("insert into departments (id, code, name) values ($1, $2, $3)", [
      d.id,
      d.code,
      d.name,
    ]);
  for (const s of world.staff) {
    await client.query(
      "insert into users (id, username, display_name, agent_no, role, department_id, password_hash) values ($1, $2, $3, $4, $5, $6, $7)",
      [s.id, s.username, s.displayName, s.agentNo, s.role, s.departmentId, passwordHash],
    );
  }
  await client.query("commit");
}

async function insertBatch(client: pg.PoolClient, customers: object[], batch: PlannedCase[]) {
  await client.query("begin");
  const loads = [
    ["customers", customerColumns, customers],
    ["complaints", complaintColumns, batch.map((c) => c.complaint)],
    ["work_orders", workOrderColumns, batch.flatMap((c) => c.path.workOrders)],
    ["timeline_events", eventColumns, batch.flatMap((c) => c.path.events)],
    ["contacts", contactColumns, batch.flatMap((c) => c.path.contacts)],
    ["callbacks", callbackColumns, batch.flatMap((c) => c.path.callbacks)],
  ] as const;
  // In this order: each table's rows refer to the ones before.
  for (const [table, columns, rows] of loads) await insertRows(client, table, columns, rows);
  // Search text comes from the database's own definitions: the complaint's own, and a row of its
  // own for each reply and contact, as the server's timeline writer makes them.
  const ids = batch.map((c) => c.complaint.id);
  await client.query(
    "update complaints set search_text = kesu_search_text(id) where id = any($1::uuid[])",
    [ids],
  );
  await client.query(
    `insert into case_texts (event_id, complaint_id, complaint_created_at, text)
     select e.id, e.complaint_id, c.created_at, kesu_event_text(e.type, e.data)
     from timeline_events e join complaints c on c.id = e.complaint_id
     where e.complaint_id = any($1::uuid[]) and kesu_event_text(e.type, e.data) is not null`,
    [ids],
  );
  await client.query("commit");
}

/**
 * The generator only writes rows whose references it made itself, so where the role may (a
 * superuser, as on the embedded server) foreign-key triggers are skipped for the load.
 */
async function skipForeignKeyChecks(client: pg.PoolClient) {
  await client.query("set session_replication_role = replica").catch(() => {});
}

/** Each batch's search texts read its complaints' timelines through this index: it stays. */
const keptForTheLoad = ["timeline_complaint_idx"];

/** Plain (not unique, not primary-key) indexes of the loaded tables: dropped now, their definitions returned. */
async function dropSecondaryIndexes(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
      join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
     where i.schemaname = 'public' and i.tablename = any($1) and not x.indisunique and not x.indisprimary
       and i.indexname <> all($2)`,
    [loadedTables, keptForTheLoad],
  );
  for (const { name } of rows) await client.query(`drop index ${name}`);
  return rows.map((r) => r.definition);
}
