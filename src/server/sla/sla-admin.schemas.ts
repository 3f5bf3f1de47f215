import { z } from "zod";
import { complaintKinds } from "../../domain/complaint/complaint-lifecycle.js";
import { breachActions, slaTargetNames } from "../../domain/sla/sla-policy.js";
import { slaUnits } from "../../domain/sla/sla-target.js";
import { dayInput, severity, termCode } from "../http/input-fields.js";

export const localDate = dayInput();
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
export const calendarBody = z.object({
  timeZone: z.string().min(1).max(64),
  workingHours: z
    .array(z.object({ start: timeOfDay, end: timeOfDay }))
    .min(1)
    .max(6),
  workingWeekdays: z.array(z.number().int().min(1).max(7)).max(7),
});
export const dayBody = z.object({
  kind: z.enum(["holiday", "workday"]),
  name: z.string().trim().max(50).optional(),
});
/** The work calendar with its dated exceptions (holidays, make-up working days), by date. */
export const calendarSchema = calendarBody.extend({
  days: z.array(dayBody.extend({ date: z.string() })),
});

const target = z.object({ amount: z.number().positive(), unit: z.enum(slaUnits) });
/** An SLA policy as an admin writes it; `order` lower first, the first active match wins. */
export const policyBody = z.object({
  name: z.string().trim().min(1).max(100),
  order: z.number().int(),
  match: z.object({
    kinds: z.array(z.enum(complaintKinds)).optional(),
    categories: z.array(termCode).optional(),
    severities: z.array(severity).optional(),
    channels: z.array(termCode).optional(),
    sources: z.array(z.enum(["direct", "transfer"])).optional(),
  }),
  targets: z.partialRecord(z.enum(slaTargetNames), target),
  warnAtShare: z.number().nullable(),
  actionsOnBreach: z.array(z.enum(breachActions)).default([]),
  extension: z
    .object({ max: target, approver: z.enum(["supervisor", "admin"]) })
    .nullable()
    .default(null),
  active: z.boolean().default(true),
});
/** A policy as read: its code, and the version an edit must name. */
export const policySchema = policyBody.extend({ id: z.string(), version: z.number() });
/** A change to some of a policy's fields, made on the version the admin last saw. */
export const policyChanges = policyBody
  .partial()
  .strict()
  .extend({ version: z.number().int().positive() });
