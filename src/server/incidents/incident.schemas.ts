import { z } from "zod";
import { incidentStatuses } from "../../domain/incident/incident.js";
import { changesTo, instantInput, queryFlag, termCode, text } from "../http/input-fields.js";

const person = z.object({ id: z.uuid(), displayName: z.string(), agentNo: z.string() });

export const incidentSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  /** What happened, for staff. */
  description: z.string(),
  /** Where, as people say it: a branch, an area, a line, a system. */
  location: z.string(),
  /** The area complaints name (被投诉网点/区域), matched as typed; null: everywhere. */
  area: z.string().nullable(),
  /** A complaint category code (list `category`); null: any. */
  category: z.string().nullable(),
  /** A business type code (list `business_type`); null: any. */
  businessType: z.string().nullable(),
  startsAt: z.date(),
  /** Expected or actual end; null: not known yet. */
  endsAt: z.date().nullable(),
  /** What agents and the portal tell customers. */
  customerWording: z.string(),
  /** Shown on the customer portal while live. */
  public: z.boolean(),
  /** live 生效中 · resolved 已解除. */
  status: z.enum(incidentStatuses),
  /** The reply sent to every linked open case when it was resolved; null: none. */
  resolution: z.string().nullable(),
  resolvedAt: z.date().nullable(),
  /** Complaints linked to it. */
  complaintCount: z.number(),
  version: z.number(),
  createdAt: z.date(),
  createdBy: person,
  updatedAt: z.date(),
  /** What the caller may do with it: `edit`, `resolve`, `link`. */
  allowedActions: z.array(z.enum(["edit", "resolve", "link"])),
});
export type IncidentDto = z.infer<typeof incidentSchema>;

export const incidentList = z.object({ items: z.array(incidentSchema) });

/** A linked complaint as the incident lists it (subject masked as for the caller's role). */
export const linkedComplaintSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  subject: z.string(),
  status: z.string(),
  linkedAt: z.date(),
  linkedBy: person,
});

export const incidentDetailSchema = incidentSchema.extend({
  complaints: z.array(linkedComplaintSchema),
});
export type IncidentDetailDto = z.infer<typeof incidentDetailSchema>;

export const listIncidentsQuery = z.object({
  status: z.enum(incidentStatuses).optional(),
  /** `true`: live and started: what intake shows. */
  live: queryFlag,
  /** Matching a call of this category (incidents naming none match too). */
  category: termCode.optional(),
  businessType: termCode.optional(),
  /** Matching a call about this area (incidents naming none match too). */
  area: text(200).optional(),
  /** Only the incidents a complaint is linked to. */
  complaintId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const writable = {
  title: text(120),
  description: text(4000),
  location: text(200),
  area: text(200).nullable(),
  category: termCode.nullable(),
  businessType: termCode.nullable(),
  startsAt: instantInput(),
  endsAt: instantInput().nullable(),
  customerWording: text(2000),
  public: z.boolean(),
};

export const createIncidentBody = z.object({
  ...writable,
  area: writable.area.default(null),
  category: writable.category.default(null),
  businessType: writable.businessType.default(null),
  endsAt: writable.endsAt.default(null),
  public: writable.public.default(false),
});
export type CreateIncidentInput = z.infer<typeof createIncidentBody>;

export const updateIncidentBody = changesTo(writable);
export type UpdateIncidentInput = z.infer<typeof updateIncidentBody>;

export const resolveIncidentBody = z.strictObject({
  version: z.number().int().positive(),
  /** When given, one reply (答复) to every linked case that can be replied now. */
  reply: text(4000).optional(),
});
export type ResolveIncidentInput = z.infer<typeof resolveIncidentBody>;

/** Each linked case's outcome of the bulk reply. */
export const bulkReplySchema = z.object({
  replied: z.array(z.object({ complaintId: z.uuid(), number: z.string() })),
  /** Not replied, with why: `invalid_transition` (closed, already replied…), `forbidden`… */
  skipped: z.array(
    z.object({
      complaintId: z.uuid(),
      number: z.string(),
      /** The case's status when it was tried. */
      status: z.string(),
      /** The refusal's error code, and its message in the caller's language. */
      reason: z.string(),
      message: z.string(),
    }),
  ),
});

export const resolvedIncidentSchema = incidentDetailSchema.extend({
  /** Null when no reply was asked for. */
  bulkReply: bulkReplySchema.nullable(),
});

export const linkComplaintBody = z.object({ complaintId: z.uuid() });

/** A live public incident as the portal shows it: no staff text, no names, no cases. */
export const publicIncidentSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  location: z.string(),
  customerWording: z.string(),
  startsAt: z.date(),
  endsAt: z.date().nullable(),
});
export const publicIncidentList = z.object({ items: z.array(publicIncidentSchema) });

/** A 群体性投诉 alert as raised: its group, how many customers, when. */
export const groupAlertSchema = z.object({
  id: z.uuid(),
  category: z.string(),
  /** The area key the complaints shared; empty: they named none. */
  area: z.string(),
  customers: z.number(),
  complaintIds: z.array(z.uuid()),
  firstAt: z.date(),
  lastAt: z.date(),
  raisedAt: z.date(),
});
export const groupAlertList = z.object({ items: z.array(groupAlertSchema) });

/** A place intake suggests for 被投诉网点/区域, as people have written it. */
export const intakeAreaSchema = z.object({
  area: z.string(),
  /** Live incidents naming it: a caller from there is likely calling about them. */
  liveIncidents: z.number(),
  /** How many of the newest cases named it. */
  cases: z.number(),
});
export const intakeAreaList = z.object({ items: z.array(intakeAreaSchema) });
export type IntakeAreaDto = z.infer<typeof intakeAreaSchema>;
