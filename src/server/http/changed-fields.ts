import { isDeepStrictEqual } from "node:util";

type Same = (stored: unknown, given: unknown) => boolean;

/**
 * The given fields whose values differ from the stored record's: an edit that resends what is
 * there (the whole form, or only the version) changes nothing and must not look like a change.
 * Absent and null are the same; arrays compare element by element, in order. `same` overrides
 * the comparison for a field stored in another spelling (e.g. an amount as "100.00").
 */
export function changedFields<T extends Record<string, unknown>>(
  stored: Record<string, unknown>,
  given: T,
  same: Partial<Record<keyof T, Same>> = {},
): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(given) as (keyof T & string)[]) {
    const value = given[key];
    if (value === undefined) continue;
    const before = stored[key] ?? null;
    const unchanged = same[key]
      ? before !== null && value !== null
        ? same[key](before, value)
        : before === value
      : isDeepStrictEqual(normalised(before), normalised(value));
    if (!unchanged) changes[key] = value;
  }
  return changes;
}

const normalised = (value: unknown) =>
  value instanceof Date ? value.toISOString() : (value ?? null);

/** Two yuan amounts as stored (numeric, "100.00") and as given ("100", "100.5"). */
export const sameAmount: Same = (stored, given) =>
  Math.round(Number(stored) * 100) === Math.round(Number(given) * 100);

/** Two lists whose order carries no meaning, such as a case's flags. */
export const sameSet: Same = (stored, given) => {
  const a = new Set(stored as unknown[]);
  const b = new Set(given as unknown[]);
  return a.size === b.size && [...a].every((item) => b.has(item));
};
