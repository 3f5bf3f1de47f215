import { z } from "zod";
import { actionStatuses, progressStatuses } from "../../domain/improvement/improvement-actions.js";
import { monthPattern } from "../../domain/improvement/monthly-period.js";
import { dayInput, queryFlag, termCode, text } from "../http/input-fields.js";

const person = z.object({ id: z.string(), agentNo: z.string(), name: z.string() });

export const createActionBody = z
  .object({
    title: text(200),
    description: z.string().trim().max(4000).default(""),
    ownerId: z.uuid(),
    /** The department that carries it out; the owner's own when not given. */
    departmentId: z.uuid().nullable().optional(),
    dueDate: dayInput(),
    /** A code of the list `cause`, or of `category`: what the action is about (one at least). */
    cause: termCode.nullable().optional(),
    category: termCode.nullable().optional(),
    qualityCaseId: z.uuid().nullable().optional(),
  })
  .refine((b) => Boolean(b.cause || b.category), {
    path: ["cause"],
    message: "a cause or a category is required",
  });
export type CreateActionBody = z.infer<typeof createActionBody>;

/** Every field optional; `version` is the one the caller read. The owner may send only status and progressNote. */
export const patchActionBody = z.object({
  version: z.number().int(),
  title: text(200).optional(),
  description: z.string().trim().max(4000).optional(),
  ownerId: z.uuid().optional(),
  departmentId: z.uuid().nullable().optional(),
  dueDate: dayInput().optional(),
  cause: termCode.nullable().optional(),
  category: termCode.nullable().optional(),
  qualityCaseId: z.uuid().nullable().optional(),
  status: z.enum(progressStatuses).optional(),
  progressNote: z.string().trim().max(2000).optional(),
});
export type PatchActionBody = z.infer<typeof patchActionBody>;

export const verifyActionBody = z.object({
  version: z.number().int(),
  /** Whether the action worked: verified, or back in progress (reopened). */
  effective: z.boolean(),
  note: text(2000),
});
export type VerifyActionBody = z.infer<typeof verifyActionBody>;

export const listActionsQuery = z.object({
  status: z.enum(actionStatuses).optional(),
  ownerId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  overdue: queryFlag,
});
export type ListActionsQuery = z.infer<typeof listActionsQuery>;

const event = z.object({
  id: z.number(),
  type: z.string(),
  at: z.string(),
  actor: z.object({ agentNo: z.string().nullable(), name: z.string().nullable() }),
  data: z.record(z.string(), z.unknown()),
});

export const actionSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  owner: person,
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueDate: z.string(),
  status: z.enum(actionStatuses),
  overdue: z.boolean(),
  cause: z.string().nullable(),
  category: z.string().nullable(),
  /** The linked term's names, for display. */
  about: z.object({ zh: z.string(), en: z.string() }),
  qualityCase: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
  progressNote: z.string(),
  verificationNote: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  history: z.array(event),
});
export type ActionDto = z.infer<typeof actionSchema>;
export const actionListSchema = z.object({ items: z.array(actionSchema.omit({ history: true })) });

export const analysisQuery = z.object({
  month: z.string().regex(monthPattern),
  format: z.enum(["json", "pdf", "xlsx"]).default("json"),
});

export const subscriptionsSchema = z.object({ monthlyAnalysis: z.boolean() });
