import { z } from "zod";
import {
  complaintFlags,
  complaintTypes,
  markedFlags,
  mentalities,
  severities,
} from "../../domain/complaint/case-attributes.js";
import {
  complaintCommands,
  complaintKinds,
  complaintStatuses,
  satisfactionLevels,
} from "../../domain/complaint/complaint-lifecycle.js";
import { closeReasonCodes } from "../../domain/complaint/follow-up-rules.js";
import { caseResponsibilities } from "../../domain/complaint/judgement.js";
import {
  responsibilities,
  workOrderCommands,
  workOrderStatuses,
} from "../../domain/complaint/work-order-lifecycle.js";
import { disciplines } from "../../domain/quality/disciplines.js";
import { riskLevels } from "../../domain/risk/escalation-risk.js";
import { attentionLevels } from "../../domain/sla/attention.js";
import { attachmentSchema } from "../attachments/attachment.schemas.js";
import {
  callbackSchema,
  contactInput,
  customerInput,
  customerSchema,
} from "../customers/customer.schemas.js";
import {
  dayInput,
  deadlineInput,
  queryFlag,
  searchQuery,
  severity,
  termCode,
  text,
} from "../http/input-fields.js";
import { remedySchema } from "../remedies/remedy.schemas.js";
import { riskSchema } from "../risk/escalation-risk.schemas.js";
import { followUpStateSchema } from "../service-settings/service-settings.schemas.js";
import { watcherSchema } from "../watchers/watchers.schemas.js";

/** Yuan with at most two decimals, as a number or a string; kept exact as a string. */
const amount = z
  .union([
    z
      .number()
      .nonnegative()
      .lt(1e12)
      .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, "at most two decimals"),
    z.string().regex(/^\d{1,12}(\.\d{1,2})?$/),
  ])
  .transform(String);

export const sourceSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("direct") }),
  z.object({
    type: z.literal("transfer"),
    /** The upper-level or regulator hotline, e.g. 12345, 96169, 95598, 12378. */
    hotline: text(64),
    externalNo: text(64).optional(),
    /** The deadline the transferring body set; it wins when earlier than ours. */
    externalDueAt: deadlineInput().optional(),
  }),
]);

const editableFields = {
  subject: text(200),
  description: text(20_000),
  /** 诉求: what the customer wants. */
  demand: text(2000).nullish(),
  demandAmount: amount.nullish(),
  category: termCode.nullish(),
  businessType: termCode.nullish(),
  causes: z.array(termCode).max(20).optional(),
  severity: severity.optional(),
  /** Seed 003's mentality: venting, authority, gain, attention. */
  mentality: z.enum(mentalities).nullish(),
  complainedBranch: text(200).nullish(),
  complainedEmployee: text(200).nullish(),
  complainedProduct: text(200).nullish(),
};

export const createComplaintBody = z
  .object({
    kind: z.enum(complaintKinds),
    channel: termCode,
    customer: customerInput.optional(),
    customerId: z.uuid().optional(),
    source: sourceSchema.default({ type: "direct" }),
    /** 首问负责: give the intake agent's own id to own the case from the start. */
    ownerId: z.uuid().optional(),
    /**
     * true: the intake agent keeps the case (resolves it on the spot); false: it goes to its skill
     * group's queue. Absent: as before, the owner named by ownerId, or none (then the queue).
     */
    keepOwnership: z.boolean().optional(),
    flags: z.array(z.enum(markedFlags)).optional(),
    /** The telephony system's id of the call (screen-pop), kept on the intake contact. */
    callId: text(128).optional(),
    ...editableFields,
  })
  .refine((b) => (b.customer === undefined) !== (b.customerId === undefined), {
    message: "give exactly one of customer or customerId",
    path: ["customer"],
  })
  .refine((b) => b.keepOwnership === undefined || b.ownerId === undefined, {
    message: "give ownerId or keepOwnership, not both",
    path: ["keepOwnership"],
  });
export type CreateComplaintBody = z.infer<typeof createComplaintBody>;

/**
 * Only the fields a person may correct; anything else (status, reopenCount, owner…) is refused
 * with 400 naming it, rather than silently dropped. Values equal to the record's are no change.
 */
export const updateComplaintBody = z.strictObject({
  ...editableFields,
  subject: text(200).optional(),
  description: text(20_000).optional(),
  /** The marked flags the case should carry; those kesu recorded stay as they are. */
  flags: z.array(z.enum(markedFlags)).optional(),
  /**
   * Seed 001's cause of a product complaint, judged on the case (not at intake): misuse,
   * function_missing, performance_not_reached, latent_need, request_not_met.
   */
  complaintType: z.enum(complaintTypes).nullish(),
  /** The owner's finding: whose fault (company, customer, third_party, undetermined, shared)… */
  responsibility: z.enum(caseResponsibilities).optional(),
  /** … whether the complaint is 属实 … */
  substantiated: z.boolean().optional(),
  /** … and why. Any of the three records the finding a close waits for. */
  findingNote: text(4000).nullish(),
  version: z.number().int().positive(),
});

const version = z.number().int().positive();
const reason = text(2000);

/** One body per command; `version` is the complaint version the caller last saw. */
export const commandBodies = {
  assign: z.object({ version, ownerId: z.uuid() }),
  dispatch: z.object({
    version,
    departments: z
      .array(z.object({ departmentId: z.uuid(), lead: z.boolean().optional() }))
      .min(1)
      .max(20),
    instructions: text(4000).optional(),
  }),
  reply: z.object({
    version,
    message: text(20_000),
    /** What is granted: refund, repair, apology… */
    remedy: text(2000).optional(),
    /** Where the customer may turn if not satisfied (review, regulator, arbitration). */
    redressRoutes: text(2000).optional(),
  }),
  "follow-up": z.object({
    version,
    satisfaction: z.enum(satisfactionLevels),
    comment: text(4000).optional(),
  }),
  close: z.object({
    version,
    reason,
    /** Why it closes without a follow-up visit: required straight from `replied`. */
    reasonCode: z.enum(closeReasonCodes).optional(),
  }),
  reopen: z.object({ version, reason }),
  escalate: z.object({ version, reason }),
  upgrade: z.object({ version, reason: reason.optional() }),
  withdraw: z.object({ version, reason: reason.optional() }),
  merge: z.object({ version, intoId: z.uuid() }),
  note: z.object({ text: text(20_000) }),
  contact: contactInput,
  callback: z.object({ dueAt: deadlineInput(), note: text(2000).optional() }),
} satisfies Record<(typeof complaintCommands)[number], z.ZodType>;

export const actorSchema = z.object({
  id: z.uuid().nullable(),
  agentNo: z.string().nullable(),
  name: z.string().nullable(),
});

export const timelineEventSchema = z.object({
  id: z.number(),
  type: z.string(),
  at: z.date(),
  actor: actorSchema,
  /** Replies the customer receives; everything else is internal. */
  customerVisible: z.boolean(),
  data: z.record(z.string(), z.unknown()),
});

export const workOrderSchema = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  lead: z.boolean(),
  round: z.number(),
  status: z.enum(workOrderStatuses),
  instructions: z.string().nullable(),
  dispatchedAt: z.date(),
  acceptedAt: z.date().nullable(),
  returnReason: z.string().nullable(),
  result: z.string().nullable(),
  substantiated: z.boolean().nullable(),
  responsibility: z.enum(responsibilities).nullable(),
  completedAt: z.date().nullable(),
  /** When it left the department's hands: its result, its return (退单) or its cancellation. */
  finishedAt: z.date().nullable(),
  version: z.number(),
  allowedActions: z.array(z.enum(workOrderCommands)),
});

/** A statutory clock as the queue and the complaint page show it. */
export const clockSchema = z.object({
  id: z.uuid(),
  /** firstResponse, customerReply, departmentAcceptance, departmentResult, followUp, resolution, callback, supervision, extensionNotice, remedyApproval. */
  name: z.string(),
  workOrderId: z.uuid().nullable(),
  callbackId: z.uuid().nullable(),
  /** The remedy a `remedyApproval` clock waits on. */
  remedyId: z.uuid().nullable(),
  startedAt: z.date(),
  /** After pauses and approved extensions. */
  dueAt: z.date(),
  warningAt: z.date().nullable(),
  /** Milliseconds left (negative when overdue), frozen once stopped. */
  remainingMs: z.number(),
  elapsedShare: z.number(),
  paused: z.boolean(),
  stopped: z.boolean(),
  breached: z.boolean(),
  /** An approved extension (延期) moved its deadline. */
  extended: z.boolean(),
});

export const complaintSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(complaintKinds),
  channel: z.string(),
  status: z.enum(complaintStatuses),
  version: z.number(),
  source: z.object({
    type: z.enum(["direct", "transfer"]),
    hotline: z.string().nullable(),
    externalNo: z.string().nullable(),
    externalDueAt: z.date().nullable(),
  }),
  customer: customerSchema,
  subject: z.string(),
  description: z.string(),
  demand: z.string().nullable(),
  demandAmount: z.string().nullable(),
  category: z.string().nullable(),
  businessType: z.string().nullable(),
  causes: z.array(z.string()),
  severity: z.enum(severities),
  mentality: z.enum(mentalities).nullable(),
  complaintType: z.enum(complaintTypes).nullable(),
  complainedBranch: z.string().nullable(),
  complainedEmployee: z.string().nullable(),
  complainedProduct: z.string().nullable(),
  flags: z.array(z.enum(complaintFlags)),
  ownerId: z.uuid().nullable(),
  owner: actorSchema.nullable(),
  reopenCount: z.number(),
  escalationLevel: z.number(),
  resolution: z.string().nullable(),
  /** The case's finding: the lead department's result until the owner records their own. */
  substantiated: z.boolean().nullable(),
  responsibility: z.enum(caseResponsibilities).nullable(),
  findingNote: z.string().nullable(),
  /** Who recorded the owner's finding, and when; null until then (a close waits for it). */
  findingBy: actorSchema.nullable(),
  findingAt: z.date().nullable(),
  satisfaction: z.enum(satisfactionLevels).nullable(),
  closeReason: z.string().nullable(),
  /** Why a replied case closed without a follow-up visit; null otherwise. */
  closeReasonCode: z.enum(closeReasonCodes).nullable(),
  followUp: followUpStateSchema,
  mergedIntoId: z.uuid().nullable(),
  dueAt: z.date().nullable(),
  receivedAt: z.date(),
  createdAt: z.date(),
  updatedAt: z.date(),
  closedAt: z.date().nullable(),
  workOrders: z.array(workOrderSchema),
  timeline: z.array(timelineEventSchema),
  attachments: z.array(attachmentSchema),
  callbacks: z.array(callbackSchema),
  clocks: z.array(clockSchema),
  /** 关注人, longest-watching first. */
  watchers: z.array(watcherSchema),
  /** 补救 on this case, oldest first. */
  remedies: z.array(remedySchema),
  /** What the case has given, in yuan (granted, not reversed, every type), beside `demandAmount`. */
  grantedAmount: z.string(),
  /** The 8D this complaint is linked to: its number and current step (null when all are approved). */
  qualityCase: z
    .object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      status: z.string(),
      currentStep: z.enum(disciplines).nullable(),
    })
    .nullable(),
  /** 越级投诉风险: how likely the caller is to go over our heads, and every reason why. */
  risk: riskSchema,
  /** The commands this caller may run now; the UI shows exactly these. */
  allowedActions: z.array(z.enum(complaintCommands)),
});
export type ComplaintDto = z.infer<typeof complaintSchema>;

/** Cases whose escalation risk (越级投诉风险) is at one of these levels. */
const riskLevelFilter = z.union([z.enum(riskLevels), z.array(z.enum(riskLevels))]);

export const listComplaintsQuery = z.object({
  status: z.union([z.enum(complaintStatuses), z.array(z.enum(complaintStatuses))]).optional(),
  /** `true`: only cases still being worked (not closed, withdrawn or merged); `false`: only those. */
  open: queryFlag,
  kind: z.enum(complaintKinds).optional(),
  ownerId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  category: z.string().optional(),
  customerId: z.uuid().optional(),
  /** `true`: cases owned by the caller's team, the people of the caller's department (all cases for a caller without one). */
  team: queryFlag,
  /**
   * Cases with a running deadline missed (`breached`) or past its warning (`warned`, and none
   * missed), as the SLA sweep recorded; both: either.
   */
  sla: z.union([z.enum(attentionLevels), z.array(z.enum(attentionLevels))]).optional(),
  /** Cases whose escalation risk is at this level (or one of these), as last scored. */
  riskLevel: riskLevelFilter.optional(),
  q: searchQuery.optional(),
  /** Received on or after this day, in the center's time zone (a report's period, its drill-down). */
  receivedFrom: dayInput().optional(),
  /** Received on or before this day (inclusive), in the center's time zone. */
  receivedTo: dayInput().optional(),
  /** Cases with this cause among theirs (a report's cause). */
  cause: termCode.optional(),
  /** The lead (主办) department the case was last dispatched to: a report's department. */
  leadDepartmentId: z.uuid().optional(),
  /** The latest follow-up's verdict (回访满意度), one or several. */
  satisfaction: z
    .union([z.enum(satisfactionLevels), z.array(z.enum(satisfactionLevels))])
    .optional(),
  /**
   * newest: received last first; due: the case's deadline first; late: only cases with a running
   * deadline missed or warned, the latest first (by the missed deadline, then the warned one);
   * risk: the highest escalation risk score first, then the deadline first.
   */
  sort: z.enum(["newest", "due", "late", "risk"]).default("newest"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const complaintListItemSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  kind: z.enum(complaintKinds),
  status: z.enum(complaintStatuses),
  subject: z.string(),
  customer: z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable() }),
  ownerId: z.uuid().nullable(),
  /** The accountable person, with their 工号. */
  owner: z.object({ id: z.uuid(), name: z.string(), agentNo: z.string() }).nullable(),
  severity: z.enum(severities),
  category: z.string().nullable(),
  flags: z.array(z.enum(complaintFlags)),
  reopenCount: z.number(),
  dueAt: z.date().nullable(),
  /** The next open promise to the customer: the soonest open callback (承诺回电). */
  nextCallbackAt: z.date().nullable(),
  /**
   * A running deadline of the case that is missed (`breached`) or past its warning (`warned`):
   * the first of them, with its clock's name (customerReply, callback…) and when it was missed
   * (for a warning, when it falls due). Null when none.
   */
  attention: z
    .object({ level: z.enum(attentionLevels), clock: z.string(), at: z.date() })
    .nullable(),
  /** 越级投诉风险 as on the case's page: the queue's column and its tooltip. */
  risk: riskSchema,
  createdAt: z.date(),
  version: z.number(),
});
