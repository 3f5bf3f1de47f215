import { z } from "zod";
import { disciplines } from "../../domain/quality/disciplines.js";
import { rootCauseKinds } from "../../domain/quality/evidence.js";
import { stepStatuses } from "../../domain/quality/steps.js";
import { idParams, text } from "../http/input-fields.js";

const person = z.object({ id: z.string(), agentNo: z.string(), name: z.string() }).nullable();

export const stepParams = idParams.extend({ discipline: z.enum(disciplines) });

export const openBody = z.object({
  title: text(200),
  product: text(200),
  model: text(200).optional(),
  batch: text(200).optional(),
  serials: z.array(text(100)).max(500).default([]),
  complaintIds: z.array(z.uuid()).max(200).default([]),
});
export type OpenBody = z.infer<typeof openBody>;

export const linkBody = z.object({ complaintIds: z.array(z.uuid()).min(1).max(200) });

export const saveStepBody = z.object({
  version: z.number().int(),
  /** The discipline's record (domain/quality/disciplines.ts), replaced whole. */
  data: z.record(z.string(), z.unknown()),
  ownerId: z.uuid().nullable().optional(),
});
export const versionBody = z.object({ version: z.number().int() });
export const sendBackBody = z.object({ version: z.number().int(), comment: text(2000) });
export const remindBody = z.object({ note: text(500).optional() });

/** What a similar complaint is looked for by; the 8D's own product, model, batch and title when it exists. */
export const similarQuery = z.object({
  product: z.string().max(200).optional(),
  model: z.string().max(200).optional(),
  batch: z.string().max(200).optional(),
  text: z.string().max(500).optional(),
  /** The complaint the 8D is being opened from: it is on the 8D already. */
  exclude: z.uuid().optional(),
});
export type SimilarQuery = z.infer<typeof similarQuery>;

export const similarComplaintsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      subject: z.string(),
      status: z.string(),
      open: z.boolean(),
      product: z.string().nullable(),
      /** Null for roles that may not see personal data. */
      customerName: z.string().nullable(),
      owner: person,
      createdAt: z.date(),
      /** Why it came up: the same product, model or batch, or a similar text. */
      reasons: z.array(z.enum(["product", "model", "batch", "text"])),
    }),
  ),
});

export const evidenceParams = z.object({ id: z.uuid(), cause: z.enum(rootCauseKinds) });
export const evidenceItemParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const evidenceSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedById: z.string(),
  createdAt: z.date(),
  rootCause: z.enum(rootCauseKinds),
  uploadedBy: person,
});
export const evidenceListSchema = z.object({ items: z.array(evidenceSchema) });

export const listQuery = z.object({
  status: z.enum(["open", "closed", "all"]).default("open"),
});

export const stepSchema = z.object({
  discipline: z.enum(disciplines),
  title: z.string(),
  status: z.enum(stepStatuses),
  data: z.record(z.string(), z.unknown()),
  version: z.number(),
  owner: person,
  dueAt: z.date(),
  overdue: z.boolean(),
  updatedAt: z.date(),
  submittedBy: person,
  submittedAt: z.date().nullable(),
  approvedBy: person,
  approvedAt: z.date().nullable(),
  sentBackComment: z.string().nullable(),
  allowedActions: z.array(z.enum(["edit", "submit", "approve", "send_back", "remind"])),
});

export const qualityCaseSchema = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  product: z.string(),
  model: z.string().nullable(),
  batch: z.string().nullable(),
  serials: z.array(z.string()),
  status: z.enum(["open", "closed"]),
  currentStep: z.enum(disciplines).nullable(),
  openedBy: person,
  createdAt: z.date(),
  closedAt: z.date().nullable(),
  steps: z.array(stepSchema),
  complaints: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      subject: z.string(),
      status: z.string(),
      /** Null for roles that may not see personal data. */
      customerName: z.string().nullable(),
      owner: person,
      linkedAt: z.date(),
    }),
  ),
  timeline: z.array(
    z.object({
      id: z.number(),
      type: z.string(),
      discipline: z.enum(disciplines).nullable(),
      at: z.date(),
      actor: z.object({
        id: z.string().nullable(),
        agentNo: z.string().nullable(),
        name: z.string().nullable(),
      }),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  /** D4's evidence files, each backing a root cause of occurrence or of escape. */
  evidence: z.array(evidenceSchema),
  allowed: z.object({ edit: z.boolean(), decide: z.boolean(), link: z.boolean() }),
});
export type QualityCaseDto = z.infer<typeof qualityCaseSchema>;

export const qualityCaseListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      product: z.string(),
      model: z.string().nullable(),
      status: z.enum(["open", "closed"]),
      currentStep: z.enum(disciplines).nullable(),
      /** The current step's due date; overdue cases come first. */
      dueAt: z.date().nullable(),
      overdue: z.boolean(),
      complaints: z.number(),
      createdAt: z.date(),
    }),
  ),
});
