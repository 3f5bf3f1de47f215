import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../../db/client.js";
import { rowsFromJson } from "../../../db/json-rows.js";
import { oneRow, preparedRead } from "../../../db/prepared.js";
import {
  authorityLimits,
  complaints,
  customers,
  escalationRiskSettings,
  slaPolicies,
  users,
} from "../../../db/schema.js";
import type { Role } from "../../../domain/access/roles.js";
import type { Severity } from "../../../domain/complaint/case-attributes.js";
import { mayAssignTo } from "../../../domain/complaint/complaint-policy.js";
import { normalisePhone } from "../../../domain/customer/phone.js";
import { type CaseFacts, matchingGroup } from "../../../domain/routing/skill-groups.js";
import { checkedOwner } from "../../case/case-owner.js";
import { checkedPhone } from "../../customers/customer.store.js";
import { invalidReference } from "../../http/app-error.js";
import type { Caller } from "../../http/app-types.js";
import { authorize } from "../../http/authorize.js";
import { groupCriteriaJson } from "../../routing/routing-store.js";
import { calendarDaysJson, calendarFromJson, calendarJson, policyOf } from "../../sla/sla-store.js";
import { activeTerms, termCheck } from "../../taxonomy/active-terms.js";
import type { CreateComplaintBody } from "../complaint.schemas.js";

/**
 * Everything intake checks and plans with, in one read: which of its list codes are active, the
 * owner and the customer it names, the SLA policies and the calendar its clocks are planned on,
 * and what the new case's escalation risk reads beyond its own words.
 */
const intakeRead = preparedRead((db) =>
  db
    .select({
      terms: activeTerms(sql.placeholder("terms")),
      owner: sql<{
        id: string;
        agentNo: string;
        displayName: string;
        role: Role;
      } | null>`(select json_build_object('id', u.id, 'agentNo', u.agent_no, 'displayName', u.display_name, 'role', u.role) from ${users} u where u.id = ${sql.placeholder("ownerId")}::uuid and u.active)`,
      customerFound: sql<boolean>`exists (select from ${customers} c where c.id = ${sql.placeholder("customerId")}::uuid)`,
      policies: sql<unknown>`(select json_agg(to_jsonb(p) order by p.sort_order) from ${slaPolicies} p where p.active)`,
      calendar: calendarJson,
      calendarDays: calendarDaysJson,
      groups: groupCriteriaJson,
      risk: sql<{
        words: string[] | null;
        highRiskSeverity: Severity | null;
        dissatisfied: number;
        authorityFen: string | null;
      }>`json_build_object(
        'words', (select s.words from ${escalationRiskSettings} s where s.id = 'default'),
        'highRiskSeverity', (select s.high_risk_severity from ${escalationRiskSettings} s where s.id = 'default'),
        'dissatisfied', (select count(*) from ${complaints} o join ${customers} c on c.id = o.customer_id
          where (c.id = ${sql.placeholder("customerId")}::uuid or c.phone = ${sql.placeholder("phone")})
            and o.satisfaction = 'dissatisfied'),
        'authorityFen', (select l.per_case_fen from ${authorityLimits} l join ${users} u on u.role = l.role
          where u.id = ${sql.placeholder("ownerId")}::uuid and l.type = 'compensation'))`,
    })
    .from(oneRow)
    .prepare("intake_plan"),
);

/**
 * Reads what intake needs and refuses the request as before, in the same order: an unknown list
 * code, the phone, the customer, assigning (403), the owner.
 */
export async function intakePlan(db: Database | Tx, caller: Caller, body: CreateComplaintBody) {
  const terms = termCheck([
    { list: "channel", field: "body.channel", codes: [body.channel] },
    { list: "category", field: "body.category", codes: [body.category] },
    { list: "business_type", field: "body.businessType", codes: [body.businessType] },
    { list: "cause", field: "body.causes", codes: body.causes ?? [] },
  ]);
  const [read] = await intakeRead(db).execute({
    terms: terms.pairs,
    ownerId: ownerIdOf(caller, body),
    customerId: body.customerId ?? null,
    // The caller's earlier 不满意 follow-ups count toward the new case's escalation risk.
    phone: body.customer ? normalisePhone(body.customer.phone) : null,
  });
  terms.assertActive(read!.terms);
  const phone = body.customer ? checkedPhone(body.customer.phone, "body.customer.phone") : null;
  if (!body.customer && !read!.customerFound) throw invalidReference("customer");
  const ownerId = ownerIdOf(caller, body);
  if (ownerId) authorize(mayAssignTo(caller, ownerId));
  const owner = ownerId ? checkedOwner(read!.owner) : null;
  return {
    phone,
    owner,
    // A case nobody keeps joins the queue of the group that takes it (none: it waits unowned).
    group: owner ? null : matchingGroup(read!.groups ?? [], caseFacts(body)),
    policies: rowsFromJson(slaPolicies, read!.policies).map(policyOf),
    calendar: calendarFromJson(read!.calendar, read!.calendarDays),
    risk: read!.risk,
  };
}

/** keepOwnership: true is 首问负责 by the caller; false or absent without ownerId, nobody yet. */
const ownerIdOf = (caller: Caller, body: CreateComplaintBody) =>
  body.keepOwnership ? caller.id : (body.ownerId ?? null);

/** What a skill group's criteria look at, as a new case gives it. */
const caseFacts = (body: CreateComplaintBody): CaseFacts => ({
  category: body.category ?? null,
  businessType: body.businessType ?? null,
  sourceType: body.source.type,
  severity: body.severity ?? "normal",
});
