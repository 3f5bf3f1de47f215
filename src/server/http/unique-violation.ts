import { AppError } from "./app-error.js";
import type { ErrorWord } from "./error-messages.js";

/**
 * Turns PostgreSQL's unique-violation (23505) on a known constraint into a 409 naming the field;
 * relying on the constraint (not a prior SELECT) keeps concurrent creates honest.
 */
export async function rejectingDuplicates<T>(
  work: () => Promise<T>,
  fields: Record<string, { field: ErrorWord; value: unknown }>,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const { code, constraint } = (e as { code?: string; constraint?: string; cause?: unknown })
      .cause
      ? (e as { cause: { code?: string; constraint?: string } }).cause
      : (e as { code?: string; constraint?: string });
    const match = constraint ? fields[constraint] : undefined;
    if (code === "23505" && match) {
      throw new AppError("duplicate", { field: match.field, value: String(match.value) });
    }
    throw e;
  }
}
