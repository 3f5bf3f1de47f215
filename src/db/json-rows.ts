import { type Column, getTableColumns, type Table } from "drizzle-orm";

const columnsByTable = new WeakMap<Table, [string, Column][]>();

function columnsOf(table: Table): [string, Column][] {
  let columns = columnsByTable.get(table);
  if (!columns) {
    columns = Object.entries(getTableColumns(table));
    columnsByTable.set(table, columns);
  }
  return columns;
}

/**
 * A row PostgreSQL built as JSON (to_jsonb, json_agg), turned back into the table's row object:
 * property names from the column names, dates and money revived as the driver would. Pages read
 * a record and its lists in one statement this way instead of one round trip per list. Columns
 * the JSON leaves out stay out.
 */
export function rowFromJson<T extends Table>(
  table: T,
  json: Record<string, unknown>,
): T["$inferSelect"] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of columnsOf(table)) {
    if (!(column.name in json)) continue;
    const value = json[column.name];
    row[key] = value === null ? null : column.mapFromDriverValue(value);
  }
  return row as T["$inferSelect"];
}

export function rowsFromJson<T extends Table>(table: T, json: unknown): T["$inferSelect"][] {
  return ((json ?? []) as Record<string, unknown>[]).map((item) => rowFromJson(table, item));
}

/**
 * The other way: values keyed by their column names, for a statement that takes a row as JSON
 * (`jsonb_populate_record`); JSON.stringify writes dates as the ISO instants PostgreSQL reads.
 */
export function rowToJson<T extends Table>(
  table: T,
  values: Partial<T["$inferInsert"]>,
): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [key, column] of columnsOf(table))
    if (key in values) json[column.name] = (values as Record<string, unknown>)[key];
  return json;
}
