import { sql } from "drizzle-orm";
import { authorityLimits, complaints, contacts, users } from "../../db/schema.js";
import { fenFromYuan } from "../../domain/remedy/money.js";
import { defaultThreatWords, escalationRisk } from "../../domain/risk/escalation-risk.js";
import { riskReasonText } from "../../domain/risk/risk-labels.js";
import type { ComplaintRow } from "../case/complaint-row.js";

/**
 * What the risk rule reads beyond the page's own lists: the customer's earlier 不满意 follow-ups,
 * what they said on this case and how often in the last 30 days, and the owner's per-case limit
 * for compensation. Part of the page's one statement.
 */
export const riskFactsJson = sql<{
  dissatisfied: number;
  recentContacts: number;
  contactText: string | null;
  authorityFen: number | null;
}>`json_build_object(
  'dissatisfied', (select count(*) from ${complaints} o where o.customer_id = complaints.customer_id
    and o.id <> complaints.id and o.satisfaction = 'dissatisfied'),
  'recentContacts', (select count(*) from ${contacts} k where k.complaint_id = complaints.id
    and k.direction = 'inbound' and k.at > now() - interval '30 days'),
  'contactText', (select string_agg(k.summary, ' ') from ${contacts} k
    where k.complaint_id = complaints.id and k.direction = 'inbound'),
  'authorityFen', (select l.per_case_fen from ${authorityLimits} l join ${users} u on u.role = l.role
    where u.id = complaints.owner_id and l.type = 'compensation'))`;

type RiskFactsRow = typeof riskFactsJson._.type;

/** 越级投诉风险 of the case as it stands, each reason with its text (zh-CN, the center's language). */
export function presentRisk(
  complaint: ComplaintRow,
  facts: RiskFactsRow,
  clocks: { stopped: boolean; breached: boolean; extended: boolean }[],
) {
  const risk = escalationRisk({
    text: [complaint.subject, complaint.description, complaint.demand, facts.contactText]
      .filter(Boolean)
      .join(" "),
    threatWords: defaultThreatWords,
    upperLevelTransfer: complaint.flags.includes("upper_level_transfer"),
    reopenCount: complaint.reopenCount,
    dissatisfiedFollowUps: Number(facts.dissatisfied),
    contactsLast30Days: Number(facts.recentContacts),
    overdueClocks: clocks.filter((c) => !c.stopped && c.breached).length,
    extended: clocks.some((c) => c.extended),
    demandFen: complaint.demandAmount ? fenFromYuan(String(complaint.demandAmount)) : null,
    authorityFen: facts.authorityFen === null ? null : Number(facts.authorityFen),
    mentality: complaint.mentality,
  });
  return { ...risk, reasons: risk.reasons.map((r) => ({ ...r, text: riskReasonText(r) })) };
}
