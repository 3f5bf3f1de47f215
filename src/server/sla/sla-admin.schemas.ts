import { z } from "zod";
import { dayInput } from "../http/input-fields.js";

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
