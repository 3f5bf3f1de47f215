import { z } from "zod";
import { userSchema } from "../staff/user.schemas.js";

/** The session's answer: who is signed in, and the center whose days the reports count in. */
export const sessionAnswerSchema = z.object({
  user: userSchema,
  center: z.object({
    timeZone: z
      .string()
      .describe("The center's IANA time zone (KESU_TIMEZONE): its days are the reports' days."),
  }),
});
