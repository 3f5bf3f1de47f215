import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema.js";

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A transaction handle; commands take it so their writes and the audit record commit together. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

// numeric stays a string in JS (exact money); int8 counts are small enough for numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function connectDatabase(
  url: string,
  max = 10,
  applicationName = "kesu",
): { db: Database; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max, application_name: applicationName });
  pool.on("error", () => {}); // an idle client's lost connection is replaced on next use
  return { db: drizzle(pool, { schema }), pool };
}
