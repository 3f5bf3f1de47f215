import { z } from "zod";

export const customerInput = z.object({
  name: z.string().trim().min(1).max(100),
  /** Mobile or landline in any spelling; stored normalised (digits only). */
  phone: z.string().trim().min(5).max(32),
  idNumber: z.string().trim().min(4).max(32).nullish(),
  /** Bank account, contract or meter number. */
  accountNo: z.string().trim().min(2).max(64).nullish(),
  email: z.email().nullish(),
  address: z.string().trim().max(300).nullish(),
});

export const customerUpdate = customerInput
  .partial()
  .extend({ version: z.number().int().positive() });

/** Phone, ID and account numbers arrive masked (138****8000) for roles without the right to see them. */
export const customerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  accountNo: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  masked: z.boolean(),
  version: z.number(),
  createdAt: z.date(),
});
export type CustomerDto = z.infer<typeof customerSchema>;

export const contactSchema = z.object({
  id: z.uuid(),
  complaintId: z.uuid().nullable(),
  direction: z.enum(["inbound", "outbound"]),
  channel: z.string(),
  summary: z.string(),
  agentNo: z.string(),
  at: z.date(),
});

export const contactInput = z.object({
  direction: z.enum(["inbound", "outbound"]),
  channel: z.string().trim().min(1).max(32),
  summary: z.string().trim().min(1).max(4000),
});

export const callbackSchema = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  dueAt: z.date(),
  note: z.string().nullable(),
  status: z.enum(["open", "done", "missed", "cancelled"]),
  promisedById: z.uuid(),
  doneAt: z.date().nullable(),
});

export const complaintSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.string(),
  status: z.string(),
  subject: z.string(),
  category: z.string().nullable(),
  severity: z.string(),
  ownerId: z.uuid().nullable(),
  reopenCount: z.number(),
  flags: z.array(z.string()),
  dueAt: z.date().nullable(),
  createdAt: z.date(),
  closedAt: z.date().nullable(),
});

/** The customer with everything that happened before, newest first: nobody retells the story. */
export const customerHistorySchema = customerSchema.extend({
  /** More than one complaint or inquiry on record. */
  repeat: z.boolean(),
  complaints: z.array(complaintSummarySchema),
  contacts: z.array(contactSchema),
  openCallbacks: z.array(callbackSchema),
});
