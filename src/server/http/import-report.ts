import { z } from "zod";

/**
 * What an import of an uploaded table did with each row; rows count from 1 after the header, as a
 * spreadsheet shows them. `numberKey` names the row's number in the system it came from (a
 * re-import is recognised by it); `refusals` are the reasons a row may be refused for.
 */
export function importReport<K extends string, R extends readonly [string, ...string[]]>(
  numberKey: K,
  refusals: R,
) {
  const number = { [numberKey]: z.string() } as Record<K, z.ZodString>;
  const numberOrNull = { [numberKey]: z.string().nullable() } as Record<
    K,
    z.ZodNullable<z.ZodString>
  >;
  return z.object({
    total: z.number(),
    taken: z.array(z.object({ row: z.number(), ...number, number: z.string() })),
    /** Already imported before (same source, same number): nothing is added. */
    alreadyImported: z.array(z.object({ row: z.number(), ...number })),
    refused: z.array(
      z.object({
        row: z.number(),
        ...numberOrNull,
        reasons: z.array(z.enum(refusals)),
        /** The field, 工号 or kesu error code behind the refusal. */
        detail: z.string().optional(),
      }),
    ),
  });
}
