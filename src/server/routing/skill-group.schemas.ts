import { z } from "zod";
import { severities } from "../../domain/complaint/case-attributes.js";
import { dutyStates } from "../../domain/routing/assignment.js";
import { assignmentRules, caseSources, reassignModes } from "../../domain/routing/skill-groups.js";
import { changesTo } from "../http/input-fields.js";

const code = z.string().trim().min(1).max(64);
const codes = z.array(code).max(100);

export const skillGroupSchema = z.object({
  id: z.uuid(),
  /** 技能组名称, e.g. 信用卡组, 高级组. */
  name: z.string(),
  /** Staff in the group; a person may be in several groups. */
  memberIds: z.array(z.uuid()),
  /** Category codes (list `category`) it takes; empty: any. */
  categories: z.array(z.string()),
  /** Business type codes (list `business_type`) it takes; empty: any. */
  businessTypes: z.array(z.string()),
  /** `direct` or `transfer` (upper-level transfers, e.g. to the senior group); empty: any. */
  sources: z.array(z.enum(caseSources)),
  /** Severities it takes; empty: any. */
  severities: z.array(z.enum(severities)),
  /** round_robin: in turn by agent number; least_loaded: lightest severity-weighted open cases. */
  rule: z.enum(assignmentRules),
  /** Open cases a person may own before the group gives them no more; null: no cap. */
  capPerPerson: z.number().int().nullable(),
  /** Minutes an owner may be off duty before their open cases are handed on; null: never. */
  reassignAfterMinutes: z.number().int().nullable(),
  /** automatic: moved back to the queue; supervisor: supervisors are told and decide. */
  reassignMode: z.enum(reassignModes),
  /** Cases waiting in the group's queue now. */
  waiting: z.number(),
  /** Cases of owners off duty too long, held until a supervisor approves moving them. */
  held: z.number(),
  version: z.number(),
  updatedAt: z.date(),
});
export type SkillGroupDto = z.infer<typeof skillGroupSchema>;

const fields = {
  name: z.string().trim().min(1).max(100),
  memberIds: z.array(z.uuid()).max(500),
  categories: codes,
  businessTypes: codes,
  sources: z.array(z.enum(caseSources)).max(2),
  severities: z.array(z.enum(severities)).max(4),
  rule: z.enum(assignmentRules),
  capPerPerson: z.number().int().min(1).max(10_000).nullable(),
  reassignAfterMinutes: z.number().int().min(1).max(10_080).nullable(),
  reassignMode: z.enum(reassignModes),
};

export const createSkillGroupBody = z.object({
  name: fields.name,
  memberIds: fields.memberIds.default([]),
  categories: fields.categories.default([]),
  businessTypes: fields.businessTypes.default([]),
  sources: fields.sources.default([]),
  severities: fields.severities.default([]),
  rule: fields.rule.default("round_robin"),
  capPerPerson: fields.capPerPerson.default(null),
  reassignAfterMinutes: fields.reassignAfterMinutes.default(null),
  reassignMode: fields.reassignMode.default("supervisor"),
});

export const updateSkillGroupBody = changesTo(fields);

export const dutySchema = z.object({
  /** 在线 takes new cases; 小休 and 离线 keep what they own but are given nothing new. */
  state: z.enum(dutyStates),
  since: z.date(),
});

export const putDutyBody = z.object({ state: z.enum(dutyStates) });

/** A case held from an owner off duty too long, for a supervisor to approve giving it away. */
const heldReassignmentSchema = z.object({
  complaintId: z.uuid(),
  number: z.string(),
  subject: z.string(),
  skillGroupId: z.uuid(),
  groupName: z.string(),
  owner: z.object({ id: z.uuid(), agentNo: z.string(), name: z.string() }),
  /** 小休 or 离线, and since when: how long the customer has had nobody. */
  ownerDuty: z.string(),
  offDutySince: z.date(),
  heldSince: z.date(),
});
export const heldReassignmentList = z.object({ items: z.array(heldReassignmentSchema) });
