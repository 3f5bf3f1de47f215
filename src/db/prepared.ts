import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { QueryResult } from "pg";
import type { Database, Tx } from "./client.js";

/**
 * A read PostgreSQL plans once per connection instead of on every call: for the hottest reads
 * (who is calling, the complaint page, the customer lookup) planning cost as much as running.
 * Built once per database handle and variant (a statement whose shape depends on which filters
 * are given names each shape); a transaction's handle is new each time, so inside one the query
 * is rebuilt but its connection still reuses the plan, found by name.
 */
export function preparedRead<Q, V extends string = "">(
  build: (db: Database | Tx, variant: V) => Q,
): (db: Database | Tx, variant?: V) => Q {
  const built = new WeakMap<Database | Tx, Map<string, Q>>();
  return (db, variant = "" as V) => {
    let variants = built.get(db);
    if (!variants) {
      variants = new Map();
      built.set(db, variants);
    }
    let query = variants.get(variant);
    if (!query) {
      query = build(db, variant);
      variants.set(variant, query);
    }
    return query;
  };
}

/** The FROM of a statement that reads only values (subqueries side by side): one row. */
export const oneRow = sql`(values (1)) as one_row`;

const dialect = new PgDialect();

/**
 * A statement the query builders cannot spell (writes in a WITH around a function call), prepared
 * by name like the reads above; `execute` fills its placeholders and answers pg's result.
 */
export function preparedStatement(name: string, statement: SQL) {
  const query = dialect.sqlToQuery(statement);
  return preparedRead((db) =>
    db._.session.prepareQuery<{ execute: QueryResult; all: unknown; values: unknown }>(
      query,
      undefined,
      name,
      false,
    ),
  );
}

/**
 * A read whose shape depends on its filters (their values are parameters), prepared per shape:
 * named by a hash of its SQL, so a connection plans a shape's first runs and PostgreSQL keeps a
 * generic plan where it costs no more (the queue by owner does; docs/scaling.md).
 */
export function preparedByShape<P>(
  prefix: string,
  query: { toSQL(): { sql: string }; prepare(name: string): P },
): P {
  const shape = createHash("sha1").update(query.toSQL().sql).digest("hex").slice(0, 16);
  return query.prepare(`${prefix}_${shape}`);
}
