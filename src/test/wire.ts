// The tests read the API's answers as the workbench does: one set of wire types, derived from the
// server's zod schemas, in src/web/api/types.ts.
import type { Problem } from "../web/api/types.js";

export type * from "../web/api/types.js";

/** A 400 answer: the problem names each field that failed. */
export type ValidationProblem = Problem & { errors: NonNullable<Problem["errors"]> };
