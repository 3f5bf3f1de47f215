import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { badRequest } from "./app-error.js";

/**
 * The sort timestamp as PostgreSQL holds it, to the microsecond. A JavaScript Date keeps only
 * milliseconds, and a cursor cut to those skips the rows that share the page's last millisecond
 * (every work order of one dispatch shares one `now()`). Select it with the page and encode it.
 */
export const exactTimestamp = (value: SQL | AnyColumn) =>
  sql<string>`to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/**
 * Keyset pagination: the sort value (from `exactTimestamp`) and id of the last row seen, opaque to
 * clients; `rank` is an integer sorted on before them (the risk score of `sort=risk`).
 */
export function encodeCursor(at: string, id: string, rank?: number): string {
  const parts = rank === undefined ? [at, id] : [at, id, rank];
  return Buffer.from(parts.join("|")).toString("base64url");
}

/** `at` comes back as an ISO string for `${at}::timestamptz`, never through a Date. */
export function decodeCursor(cursor: string): { at: string; id: string; rank?: number } {
  const [at, id, rank, ...more] = Buffer.from(cursor, "base64url").toString().split("|");
  if (
    !at ||
    !isoTimestamp.test(at) ||
    Number.isNaN(new Date(at).getTime()) ||
    !id ||
    !/^[0-9a-f-]{36}$/.test(id) ||
    (rank !== undefined && !/^-?\d{1,9}$/.test(rank)) ||
    more.length > 0
  )
    throw badRequest("bad_cursor");
  return rank === undefined ? { at, id } : { at, id, rank: Number(rank) };
}
