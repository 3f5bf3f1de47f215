import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "./client.js";

export interface DatabaseSize {
  /** The server's version, e.g. "18.4". */
  version: string;
  databaseBytes: number;
  /** The write-ahead log on the server; null where the account may not list it (not pg_monitor). */
  walBytes: number | null;
  largestTables: { name: string; bytes: number }[];
}

export async function databaseSize(db: Database): Promise<DatabaseSize> {
  const { rows } = await db.execute<{ version: string; databaseBytes: string }>(sql`
    select current_setting('server_version') as version,
           pg_database_size(current_database())::text as "databaseBytes"`);
  const tables = await db.execute<{ name: string; bytes: string }>(sql`
    select c.relname as name, pg_total_relation_size(c.oid)::text as bytes
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind = 'r' and n.nspname = 'public'
     order by pg_total_relation_size(c.oid) desc limit 5`);
  return {
    version: rows[0]!.version.split(" ")[0]!,
    databaseBytes: Number(rows[0]!.databaseBytes),
    walBytes: await walBytes(db),
    largestTables: tables.rows.map((t) => ({ name: t.name, bytes: Number(t.bytes) })),
  };
}

async function walBytes(db: Database): Promise<number | null> {
  try {
    const { rows } = await db.execute<{ bytes: string | null }>(
      sql`select sum(size)::text as bytes from pg_ls_waldir()`,
    );
    return Number(rows[0]?.bytes ?? 0);
  } catch {
    return null;
  }
}

/** Bytes on disk under a folder (links followed once: the embedded cluster may be one). */
export function folderBytes(folder: string): number {
  let total = 0;
  const pending = [fs.realpathSync(folder)];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const stat = fs.statSync(full, { throwIfNoEntry: false });
      if (!stat) continue; // removed while we looked (WAL segments recycle)
      if (stat.isDirectory()) pending.push(fs.realpathSync(full));
      else total += stat.size;
    }
  }
  return total;
}
