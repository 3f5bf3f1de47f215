import { z } from "zod";
import { severities } from "../../domain/complaint/case-attributes.js";
import { type DateKind, dateOutOfRange } from "../../domain/input/date-bounds.js";

/**
 * Schema pieces for fields that appear in more than one request: each is defined once here, so
 * a field has one rule (and one error) wherever a client sends it.
 */

/** Trimmed, non-empty text of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** A search box (`q`): the complaint list, saved views and the customer lookup. */
export const searchQuery = z.string().trim().min(1).max(100);

/**
 * A code of one of the admin-edited lists (channel, category, business type, cause). The schema
 * checks the shape; the route checks it is an active entry of its list (`assertTerms`), answering
 * `unknown_term` for the field.
 */
export const termCode = text(64);

export const severity = z.enum(severities);

/** A resource's id in the path (`/…/:id`). */
export const idParams = z.object({ id: z.uuid() });

/** The version the editor last saw: a stale one answers 409 version_conflict. */
export const versionSeen = z.number().int().positive();

/** An edit (PATCH) body: the version last seen and any of the resource's writable fields. */
export const changesTo = <F extends z.ZodRawShape>(fields: F) =>
  z.strictObject({ version: versionSeen, ...z.object(fields).partial().shape });

/** A yes/no filter in a query string: `true` or `false`, left out for "either". */
export const queryFlag = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();

/**
 * The issue the bounds check raises: a `custom` issue whose params name the problem and the
 * bounds, which the error handler turns into `{ field, code: "date_out_of_range", min, max }`
 * with the message in the caller's language.
 */
const outOfRange = (min: string, max: string) => ({
  code: "custom" as const,
  message: `must be between ${min} and ${max}`,
  params: { problem: "date_out_of_range", min, max },
});

/** A time (ISO 8601) held to the date bounds of its kind; see domain/input/date-bounds.ts. */
const boundedInstant = (kind: DateKind) =>
  z.coerce.date().superRefine((value, ctx) => {
    const range = dateOutOfRange(value, kind);
    if (range) ctx.addIssue(outOfRange(range.min, range.max));
  });

/** A deadline the client sets: after now and at most five years ahead. */
export const deadlineInput = () => boundedInstant("deadline");

/** Any other time (ISO 8601): from 2000-01-01 to five years ahead (an incident's start and end). */
export const instantInput = () => boundedInstant("date");

/** A calendar day YYYY-MM-DD that exists (no 02-30), from 2000-01-01 to five years ahead. */
export const dayInput = () =>
  z.iso.date().superRefine((value, ctx) => {
    const range = dateOutOfRange(new Date(`${value}T00:00:00Z`), "date");
    if (range) ctx.addIssue(outOfRange(range.min, range.max));
  });
