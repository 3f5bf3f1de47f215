import { eq, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { runWrites } from "../../db/run-writes.js";
import {
  authorityLimits,
  complaints,
  contacts,
  escalationRiskSettings,
  finishedStatusList,
  slaClocks,
  users,
} from "../../db/schema.js";
import type { Mentality, Severity } from "../../domain/complaint/case-attributes.js";
import { type ComplaintStatus, isOpen } from "../../domain/complaint/complaint-lifecycle.js";
import { fenFromYuan } from "../../domain/remedy/money.js";
import {
  CONTACT_WINDOW_DAYS,
  defaultThreatWords,
  type EscalationRisk,
  escalationRisk,
  type RiskFacts,
  type RiskReason,
  riskRecheckAt,
} from "../../domain/risk/escalation-risk.js";
import {
  defaultHighRiskSeverity,
  type HighRiskSeverity,
  severityForRisk,
} from "../../domain/risk/severity-policy.js";
import { type EventRow, eventWrites } from "./timeline.js";

export interface RiskSettings {
  words: string[];
  highRiskSeverity: HighRiskSeverity;
}

/** The settings in force: the admin's saved row, else the domain's words and floor. */
export async function riskSettings(db: Database | Tx): Promise<RiskSettings> {
  const [row] = await db
    .select()
    .from(escalationRiskSettings)
    .where(eq(escalationRiskSettings.id, "default"));
  return row
    ? { words: row.words, highRiskSeverity: row.highRiskSeverity }
    : { words: [...defaultThreatWords], highRiskSeverity: defaultHighRiskSeverity };
}

interface RiskInputRow extends Record<string, unknown> {
  id: string;
  status: ComplaintStatus;
  severity: Severity;
  text: string;
  upper_level_transfer: boolean;
  reopen_count: number;
  mentality: Mentality | null;
  demand_amount: string | null;
  dissatisfied: number;
  recent_contacts: number;
  oldest_recent_contact: string | null;
  authority_fen: string | null;
  overdue: number;
  extended: boolean;
  /** What is stored now, to write only what moved. */
  stored: {
    level: string | null;
    score: number;
    reasons: unknown;
    recheck_at: string | null;
  } | null;
  words: string[] | null;
  has_settings: boolean;
  high_risk_severity: Severity | null;
}

/**
 * Everything the risk rule reads, for the given complaints, and with `customersCases` the other
 * open cases of their customers too (a 不满意 follow-up on one case is a reason on the others).
 * One statement.
 */
function riskInputs(tx: Tx, ids: readonly string[], customersCases: boolean, now: Date | null) {
  const at = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  const idList = sql`${`{${ids.join(",")}}`}::uuid[]`;
  const others = customersCases
    ? sql`or (c.customer_id in (select customer_id from ${complaints} where id = any(${idList}))
           and c.status not in (${finishedStatusList}))`
    : sql``;
  return tx.execute<RiskInputRow>(sql`
    with s as (select words, high_risk_severity from ${escalationRiskSettings} where id = 'default')
    select c.id, c.status, c.severity, c.reopen_count, c.mentality, c.demand_amount,
      concat_ws(' ', c.subject, c.description, c.demand,
        (select string_agg(k.summary, ' ') from ${contacts} k
         where k.complaint_id = c.id and k.direction = 'inbound')) as text,
      'upper_level_transfer' = any(c.flags) as upper_level_transfer,
      (select count(*)::int from ${complaints} o where o.customer_id = c.customer_id
        and o.id <> c.id and o.satisfaction = 'dissatisfied') as dissatisfied,
      rc.recent_contacts, rc.oldest_recent_contact,
      (select l.per_case_fen from ${authorityLimits} l join ${users} u on u.role = l.role
        where u.id = c.owner_id and l.type = 'compensation') as authority_fen,
      (select count(*)::int from ${slaClocks} k where k.complaint_id = c.id
        and k.stopped_at is null and k.breached_at is not null) as overdue,
      exists (select 1 from ${slaClocks} k where k.complaint_id = c.id
        and jsonb_array_length(k.extensions) > 0) as extended,
      json_build_object('level', c.risk_level, 'score', c.risk_score, 'reasons', c.risk_reasons,
        'recheck_at', c.risk_recheck_at) as stored,
      s.words, s.words is not null as has_settings, s.high_risk_severity
    from ${complaints} c left join s on true
    left join lateral (select count(*)::int as recent_contacts, min(k.at) as oldest_recent_contact
      from ${contacts} k where k.complaint_id = c.id and k.direction = 'inbound'
        and k.at > ${at} - make_interval(days => ${CONTACT_WINDOW_DAYS})) rc on true
    where c.id = any(${idList}) ${others}
    order by c.id`);
}

/** Reasons compared by what they say: jsonb keeps an object's keys in an order of its own. */
const reasonKey = (reasons: readonly RiskReason[]) =>
  reasons.map((r) => `${r.code}:${r.points}:${r.detail ?? ""}`).join("|");

/** The settings as a row holds them: no row (null words) is the domain's defaults. */
export interface StoredSettings {
  words: string[] | null;
  highRiskSeverity: Severity | null;
}

/**
 * A case's risk, and its severity once the policy has looked at it, with the `updated` event
 * to record when the policy raised it (kesu acts: no actor). Intake and the refresh both judge
 * here, so a new case and a changed one are scored alike.
 */
export function judgeRisk(
  complaintId: string,
  current: { severity: Severity; status: ComplaintStatus },
  facts: Omit<RiskFacts, "threatWords">,
  settings: StoredSettings,
): { risk: EscalationRisk; severity: Severity; raised: EventRow | null } {
  const risk = escalationRisk({ ...facts, threatWords: settings.words ?? defaultThreatWords });
  const floor = settings.words ? settings.highRiskSeverity : defaultHighRiskSeverity;
  const open = isOpen(current.status);
  const severity = severityForRisk(current.severity, { level: risk.level, open }, floor);
  const raised: EventRow | null =
    severity === current.severity
      ? null
      : {
          complaintId,
          type: "updated",
          actor: null,
          customerVisible: false,
          data: {
            before: { severity: current.severity },
            after: { severity },
            reason: "escalation_risk_high",
            risk: { score: risk.score, reasons: risk.reasons.map((r) => r.code) },
          },
        };
  return { risk, severity, raised };
}

const factsOf = (row: RiskInputRow): Omit<RiskFacts, "threatWords"> => ({
  text: row.text,
  upperLevelTransfer: row.upper_level_transfer,
  reopenCount: row.reopen_count,
  dissatisfiedFollowUps: Number(row.dissatisfied),
  contactsLast30Days: Number(row.recent_contacts),
  overdueClocks: Number(row.overdue),
  extended: row.extended,
  demandFen: row.demand_amount ? fenFromYuan(String(row.demand_amount)) : null,
  authorityFen: row.authority_fen === null ? null : Number(row.authority_fen),
  mentality: row.mentality,
});

/**
 * Scores 越级投诉风险 again for complaints something just changed on, in the caller's transaction:
 * the timeline writer calls it after every command's events, the sweep after each batch (intake
 * scores the new case in its own statement, see create-complaint). Writes only rows whose risk moved (in id order, as every writer locks
 * complaints, so two sweeping servers never deadlock); an open case whose risk turned high is
 * raised to the policy's severity with an `updated` event saying why (kesu acts, no actor).
 * `raise: false` scores without applying the policy; `now` is the instant the 30-day contact window
 * ends at (the job's clock; else the transaction's). Each row also keeps when time alone next moves
 * its risk (risk_recheck_at, for the risk-rescore job). Returns how many complaints it rewrote.
 */
export async function refreshRisk(
  tx: Tx,
  complaintIds: readonly string[],
  {
    customersCases = false,
    raise = true,
    now = null,
  }: { customersCases?: boolean; raise?: boolean; now?: Date | null } = {},
): Promise<number> {
  if (complaintIds.length === 0) return 0;
  const { rows } = await riskInputs(tx, [...new Set(complaintIds)], customersCases, now);
  const changed: {
    id: string;
    level: string;
    score: number;
    reasons: unknown;
    severity: string;
    recheckAt: string | null;
  }[] = [];
  const raised: EventRow[] = [];
  for (const row of rows) {
    const settings = raise
      ? { words: row.has_settings ? row.words : null, highRiskSeverity: row.high_risk_severity }
      : {
          words: row.has_settings ? (row.words ?? []) : [...defaultThreatWords],
          highRiskSeverity: null,
        };
    const { risk, severity, raised: event } = judgeRisk(row.id, row, factsOf(row), settings);
    const recheckAt =
      riskRecheckAt({
        open: isOpen(row.status),
        contactsLast30Days: Number(row.recent_contacts),
        oldestRecentContactAt: row.oldest_recent_contact
          ? new Date(row.oldest_recent_contact)
          : null,
      })?.toISOString() ?? null;
    const stored = row.stored?.recheck_at ? new Date(row.stored.recheck_at).toISOString() : null;
    const same =
      row.stored?.level === risk.level &&
      row.stored.score === risk.score &&
      reasonKey(row.stored.reasons as RiskReason[]) === reasonKey(risk.reasons) &&
      stored === recheckAt;
    if (same && !event) continue;
    changed.push({ id: row.id, ...risk, severity, recheckAt });
    if (event) raised.push(event);
  }
  if (changed.length === 0) return 0;
  await runWrites(tx, [
    sql`risk as (
      update ${complaints} c
      set risk_level = v.level, risk_score = v.score, risk_reasons = v.reasons,
          severity = v.severity, risk_recheck_at = v."recheckAt",
          version = c.version + (c.severity <> v.severity)::int
      from jsonb_to_recordset(${JSON.stringify(changed)}::jsonb)
        as v(id uuid, level text, score int, reasons jsonb, severity text, "recheckAt" timestamptz)
      where c.id = v.id)`,
    ...eventWrites(raised),
  ]);
  return changed.length;
}

/**
 * Scores complaints never scored (rows older than the risk columns), a batch at a time: the
 * risk-backfill job runs it at start until none is left, so an upgrade costs no migration time.
 */
export async function scoreUnscored(db: Database, batchSize: number) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ id: string }>(sql`
      select id from ${complaints} where risk_level is null
      order by id limit ${batchSize} for update skip locked`);
    // Scored only: a case scored late is raised by the policy at its next change, not in a
    // burst of timeline entries on every old case at once.
    await refreshRisk(
      tx,
      rows.map((r) => r.id),
      { raise: false },
    );
    return { claimed: rows.length };
  });
}
