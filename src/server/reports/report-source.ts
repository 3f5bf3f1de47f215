import { setTimeout as sleep } from "node:timers/promises";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { catchUpCaseFacts } from "./refresh-case-facts.js";
import { catchUpReportRollup, type RollupPeriod } from "./refresh-report-rollup.js";

/**
 * Where reports read: the primary, or a streaming replica (DATABASE_READ_URL) so that a busy
 * reporting day never slows the agents' writes.
 */
export interface ReportSource {
  primary: Database;
  replica: Database | null;
  /** Where the last statement was read, for the answer's `Kesu-Read-From` header. */
  readFrom?: "primary" | "replica";
}

/** How long a report waits for the replica to replay the facts it just caught up. */
const REPLICA_WAIT_MS = 2000;
const REPLICA_POLL_MS = 20;

/**
 * The replica, once it has replayed everything the primary had written when the report began
 * (the facts' catch-up included); the primary when there is none, it lags too far or is down.
 */
export async function readingDatabase({ primary, replica }: ReportSource): Promise<Database> {
  if (!replica) return primary;
  try {
    const { rows } = await primary.execute<{ lsn: string }>(
      sql`select pg_current_wal_lsn()::text as lsn`,
    );
    const lsn = rows[0]!.lsn;
    for (let waited = 0; waited <= REPLICA_WAIT_MS; waited += REPLICA_POLL_MS) {
      const replayed = await replica.execute<{ ok: boolean }>(
        sql`select coalesce(pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn, false) as ok`,
      );
      if (replayed.rows[0]!.ok) return replica;
      await sleep(REPLICA_POLL_MS);
    }
  } catch {
    // A replica that cannot answer is no reason to fail a report the primary can give.
  }
  return primary;
}

/** A report's statement, or one built from the answers of those before it (null: nothing to ask). */
export type ReportStatement<T> = SQL | ((earlier: T[][]) => SQL | null);

/**
 * Statements read in one snapshot where reports read, with memory enough to sort a year of cases
 * for the medians in RAM (the default 4 MB spilled them to disk).
 */
async function readStatements<T extends Record<string, unknown>>(
  source: ReportSource,
  statements: ReportStatement<T>[],
) {
  const db = await readingDatabase(source);
  source.readFrom = db === source.primary ? "primary" : "replica";
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local work_mem = '64MB'`);
      const results: T[][] = [];
      for (const step of statements) {
        const statement = typeof step === "function" ? step(results) : step;
        results.push(statement ? ((await tx.execute(statement)).rows as T[]) : []);
      }
      return results;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** A report's statement over the facts, once they caught up. */
export async function readReport<T extends Record<string, unknown>>(
  source: ReportSource,
  statement: SQL,
) {
  await catchUpCaseFacts(source.primary);
  return (await readStatements<T>(source, [statement]))[0]!;
}

/** Statements over the rollup, once the facts and the rollup of the period's days caught up. */
export async function readRollupReport<T extends Record<string, unknown>>(
  source: ReportSource,
  timeZone: string,
  period: RollupPeriod,
  statements: ReportStatement<T>[],
) {
  await catchUpCaseFacts(source.primary);
  await catchUpReportRollup(source.primary, timeZone, period);
  return readStatements<T>(source, statements);
}
