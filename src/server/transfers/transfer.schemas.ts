import { z } from "zod";
import { importReport } from "../http/import-report.js";
import { text } from "../http/input-fields.js";

const column = text(100);

/** Which column of the hotline's file (or key of its JSON) holds each field. */
export const transferMappingSchema = z.strictObject({
  /** The hotline's work-order number (工单编号); re-imports are recognised by it. */
  externalNo: column,
  /** When the hotline received the call; the case's clocks start then (else at import). */
  receivedAt: column.optional(),
  /** The hotline's deadline (办结时限); the case's reply and resolution clocks end no later. */
  externalDueAt: column,
  /** The hotline's category text, matched to ours by code or name (unmatched stays empty). */
  category: column.optional(),
  subject: column.optional(),
  /** The hotline's text of the complaint (诉求内容). */
  description: column,
  callerPhone: column.optional(),
  callerName: column.optional(),
  /** The reply-back's columns for our result, finding and the customer's satisfaction. */
  result: column.optional(),
  finding: column.optional(),
  satisfaction: column.optional(),
});

export const transferSourceBody = z.strictObject({
  name: text(100),
  /** Recorded on each case as its source hotline: 12345, 95598, 96169, 12378… */
  hotline: text(64),
  mapping: transferMappingSchema,
  /** The key its pushes are signed with (HMAC-SHA256); omit for a source that never pushes. */
  webhookSecret: z.string().min(16).max(200).nullish(),
  active: z.boolean().optional(),
});

export const transferSourceUpdate = transferSourceBody
  .partial()
  /** The version the admin last saw. */
  .extend({ version: z.number().int().positive() });

export const transferSourceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  hotline: z.string(),
  mapping: transferMappingSchema,
  /** Whether pushes are accepted; the secret itself is never sent back. */
  pushes: z.boolean(),
  active: z.boolean(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const transferRefusals = [
  "missing_external_no",
  "missing_description",
  "missing_deadline",
  "bad_deadline",
  "deadline_passed",
  "bad_received_time",
  "missing_caller_phone",
  "duplicate_in_file",
  "invalid_field",
] as const;

export const importReportSchema = importReport("externalNo", transferRefusals);
export type ImportReport = z.infer<typeof importReportSchema>;
