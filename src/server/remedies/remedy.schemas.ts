import { z } from "zod";
import { grantingRoles } from "../../domain/remedy/authority.js";
import { fenFromYuan } from "../../domain/remedy/money.js";
import { isFree, remedyStatuses, remedyTypes } from "../../domain/remedy/remedy.js";
import { remedyActions } from "../../domain/remedy/remedy-policy.js";
import type { FieldProblemCode } from "../http/error-messages.js";
import { dayInput, termCode, text } from "../http/input-fields.js";

/** A kesu rule's own field code, which the error handler words in the caller's language. */
const problem = (code: FieldProblemCode, path: string[] = []) => ({
  code: "custom" as const,
  message: code,
  path,
  params: { problem: code },
});

/**
 * Yuan as a decimal string with at most two decimals ("200.00"), never a number: the amount is
 * kept as exact integer fen from the first byte (domain/remedy/money.ts).
 */
export const yuanInput = z.string().superRefine((value, ctx) => {
  if (fenFromYuan(value) === null) ctx.addIssue(problem("invalid_amount"));
});

export const askRemedyBody = z
  .object({ type: z.enum(remedyTypes), amount: yuanInput, reason: text(2000) })
  .superRefine(({ type, amount }, ctx) => {
    const fen = fenFromYuan(amount);
    if (fen === null) return;
    if (isFree(type) && fen !== 0) ctx.addIssue(problem("apology_amount", ["amount"]));
    if (!isFree(type) && fen === 0) ctx.addIssue(problem("amount_required", ["amount"]));
  });
export type AskRemedyBody = z.infer<typeof askRemedyBody>;

/** Approval may say why; a rejection must. */
export const decisionBodies = {
  approve: z.object({ note: text(2000).optional() }).default({}),
  reject: z.object({ note: text(2000) }),
};
export const reverseBody = z.object({ reason: text(2000) });

const personSchema = z.object({ id: z.uuid(), agentNo: z.string(), name: z.string() });

/** A remedy as the API shows it: money in yuan strings, people with their 工号. */
export const remedySchema = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  /** The case's number, for the ledger and the approval inbox. */
  complaintNumber: z.string(),
  type: z.enum(remedyTypes),
  /** Yuan with two decimals, e.g. "200.00"; always "0.00" for an apology. */
  amount: z.string(),
  reason: z.string(),
  /** `reversed`: granted, then taken back by a reversal. */
  status: z.enum(remedyStatuses),
  requestedBy: personSchema,
  /** The role that must decide a remedy above the asker's authority; absent when granted on the spot. */
  approver: z.enum(grantingRoles).optional(),
  /** While pending: when its approval clock (remedyApproval) runs out. */
  approvalDueAt: z.date().optional(),
  /** Who granted (on the spot: the asker), approved or rejected it. */
  decidedBy: personSchema.optional(),
  decidedAt: z.date().optional(),
  decisionNote: z.string().optional(),
  reversal: z.object({ reason: z.string(), reversedBy: personSchema, at: z.date() }).optional(),
  createdAt: z.date(),
  /** What this caller may do with it now. */
  allowedActions: z.array(z.enum(remedyActions)),
});
export type RemedyDto = z.infer<typeof remedySchema>;

const yuanTotal = z.object({ granted: z.string(), reversed: z.string(), net: z.string() });

export const ledgerQuery = z.object({
  status: z.enum(remedyStatuses).optional(),
  type: z.enum(remedyTypes).optional(),
  /** Days in the center's time zone, both inclusive, on the day the remedy was asked for. */
  from: dayInput().optional(),
  to: dayInput().optional(),
  /** Cases dispatched to this department. */
  departmentId: z.uuid().optional(),
  /** Cases with this cause (a code of the cause list). */
  cause: termCode.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
  /** `csv`: every matching row (no paging) as a spreadsheet. */
  format: z.enum(["json", "csv"]).default("json"),
});
export type LedgerQuery = z.infer<typeof ledgerQuery>;

export const ledgerSchema = z.object({
  /** Newest first, a page at a time. */
  items: z.array(remedySchema),
  nextCursor: z.string().nullable(),
  /**
   * Per type, over every row the filters match (all pages), in yuan: granted (reversed ones
   * included), reversed, and net = granted − reversed.
   */
  totals: z.object(
    Object.fromEntries(remedyTypes.map((type) => [type, yuanTotal])) as Record<
      (typeof remedyTypes)[number],
      typeof yuanTotal
    >,
  ),
});

const limitRow = z.object({
  role: z.enum(grantingRoles),
  type: z.enum(remedyTypes),
  /** Yuan per case; null is unlimited. */
  perCase: yuanInput.nullable(),
  /** Yuan per person per calendar month; null is unlimited. */
  monthly: yuanInput.nullable(),
});
export const authorityLimitsSchema = z.object({ items: z.array(limitRow) });
/** The whole table: a role and type left out may grant none of that type. */
export const authorityLimitsBody = z.object({ items: z.array(limitRow).max(100) });
