import { type AnyPgColumn, customType, integer, timestamp, uuid } from "drizzle-orm/pg-core";

export const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const createdAt = () => at("created_at").notNull().defaultNow();

export const updatedAt = () => at("updated_at").notNull().defaultNow();

/** Counts a row's edits: a change made on an older version than this is refused with 409. */
export const rowVersion = () => integer("version").notNull().default(1);

export const generatedId = () => uuid("id").primaryKey().defaultRandom();

/** A link every row must have: not null, and only to a row that exists. */
export const requiredRef = (name: string, target: () => AnyPgColumn) =>
  uuid(name).notNull().references(target);

/** The columns of a row people edit in place: its version, and when it was made and last changed. */
export const versioned = () => ({
  version: rowVersion(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
