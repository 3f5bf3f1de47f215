import { z } from "zod";
import { callbackStatuses } from "../../domain/complaint/case-attributes.js";
import { contactOutcomes } from "../../domain/complaint/follow-up-rules.js";
import { identifierKinds } from "../../domain/customer/identifier.js";
import { customerLocales } from "../../domain/customer-messages/templates.js";
import { queryFlag, searchQuery, termCode, text } from "../http/input-fields.js";
import { riskSchema } from "../risk/escalation-risk.schemas.js";

/** A customer's identifiers, as given at registration and as looked up by. */
const identifiers = {
  /** Mobile or landline in any spelling; stored normalised (digits only). */
  phone: z.string().trim().min(5).max(32),
  idNumber: z.string().trim().min(4).max(32),
  /** Bank account, contract or meter number. */
  accountNo: z.string().trim().min(2).max(64),
};

export const customerInput = z.object({
  name: text(100),
  phone: identifiers.phone,
  idNumber: identifiers.idNumber.nullish(),
  accountNo: identifiers.accountNo.nullish(),
  email: z.email().nullish(),
  address: z.string().trim().max(300).nullish(),
  /** The language kesu's messages to them are in; null: the center's (zh-CN). */
  locale: z.enum(customerLocales).nullish(),
});

/** Unknown and read-only fields are refused; values equal to the record's are no change. */
export const customerUpdate = customerInput
  .partial()
  .extend({ version: z.number().int().positive() })
  .strict();

/** GET /customers: any of these, all given ones must match. */
export const customerLookupQuery = z.object({
  phone: identifiers.phone.optional(),
  idNumber: identifiers.idNumber.optional(),
  accountNo: identifiers.accountNo.optional(),
  /** Part of the name, or the whole phone number. */
  q: searchQuery.optional(),
});

/** Phone, ID and account numbers arrive masked (138****8000) for roles without the right to see them. */
export const customerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  accountNo: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  locale: z.enum(customerLocales).nullable(),
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

/** A call, visit or message, on a case or not; the channel must be on the channel list. */
export const contactInput = z.object({
  direction: z.enum(["inbound", "outbound"]),
  channel: termCode,
  summary: text(4000),
  /** `unreachable`: a failed try (no answer, switched off); enough of them since the reply let a replied case close as customer_unreachable. */
  outcome: z.enum(contactOutcomes).optional(),
});

export const callbackSchema = z.object({
  id: z.uuid(),
  complaintId: z.uuid(),
  dueAt: z.date(),
  note: z.string().nullable(),
  status: z.enum(callbackStatuses),
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
  /** The follow-up's answer (满意/基本满意/不满意), once visited. */
  satisfaction: z.string().nullable(),
  /** Who answers for it, by agent number: the caller's "who has my case?". */
  owner: z.object({ agentNo: z.string(), name: z.string() }).nullable(),
  /** The last reply or call to the customer, so the agent knows what they were told. */
  lastToCustomer: z.object({ at: z.date(), type: z.string(), text: z.string() }).nullable(),
  /** Remedies granted and not reversed, in yuan ("150.00"). */
  remediesGranted: z.string(),
  /** 越级投诉风险 as last scored: intake warns of the caller's highest before the agent speaks. */
  risk: riskSchema,
});

/** The customer with everything that happened before, newest first: nobody retells the story. */
export const customerHistorySchema = customerSchema.extend({
  /** More than one complaint or inquiry on record. */
  repeat: z.boolean(),
  complaints: z.array(complaintSummarySchema),
  contacts: z.array(contactSchema),
  openCallbacks: z.array(callbackSchema),
});

/** GET /lookup: one box for any identifier (phone, ID, account/card/meter, email, case number…). */
export const identifierLookupQuery = z.object({
  q: searchQuery,
  /**
   * `true` with a mobile missing its last digit (10 digits): the callers whose mobile it begins
   * (at most ten), asked while the agent types the last digit, so its history needs no round trip.
   */
  completing: queryFlag,
});

const matchedBy = z.enum(identifierKinds);

export const identifierLookupSchema = z.object({
  /** What the input was found as (the first kind that matched), null when nothing matched. */
  kind: matchedBy.nullable(),
  customers: z.array(customerHistorySchema.extend({ matchedBy })),
  complaints: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      status: z.string(),
      subject: z.string(),
      customerId: z.uuid(),
      createdAt: z.date(),
      matchedBy,
    }),
  ),
});
