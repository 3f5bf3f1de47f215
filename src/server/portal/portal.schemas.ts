import { z } from "zod";
import { PORTAL_TEXT_CAP } from "../../domain/portal/portal-rules.js";
import { termCode, text } from "../http/input-fields.js";

const phone = text(32);
const number = text(40);
const accessCode = text(16);
const oneTimeCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/);

export const codeRequestBody = z.object({ phone });

export const fileComplaintBody = z.object({
  phone,
  code: oneTimeCode,
  name: text(100),
  subject: text(200),
  description: text(PORTAL_TEXT_CAP),
  demand: text(PORTAL_TEXT_CAP).optional(),
  businessType: termCode.optional(),
});
export type FileComplaintBody = z.infer<typeof fileComplaintBody>;

export const filedSchema = z.object({ number: z.string(), accessCode: z.string() });

/** The number, the phone, and either the access code or a fresh SMS code. */
const proof = { number, phone, accessCode: accessCode.optional(), code: oneTimeCode.optional() };
export const trackBody = z.object(proof);
export const addInformationBody = z.object({ ...proof, text: text(PORTAL_TEXT_CAP) });

const dated = { at: z.date() };
/** What a customer sees of their case: no notes, no departments, no one else's data. */
export const trackedCaseSchema = z.object({
  number: z.string(),
  subject: z.string(),
  /** received, in_progress, replied or closed (domain/portal/portal-rules.ts). */
  stage: z.string(),
  open: z.boolean(),
  receivedAt: z.date(),
  dueAt: z.date(),
  /** The agent number (工号) of who answers for the case; null until someone does. */
  ownerAgentNo: z.string().nullable(),
  replies: z.array(z.object({ ...dated, message: z.string() })),
  messages: z.array(z.object({ ...dated, channel: z.string(), text: z.string() })),
  additions: z.array(z.object({ ...dated, text: z.string() })),
  progress: z.array(z.object({ ...dated, step: z.string() })),
});
export type TrackedCase = z.infer<typeof trackedCaseSchema>;

export const acceptedSchema = z.object({ accepted: z.literal(true) });
