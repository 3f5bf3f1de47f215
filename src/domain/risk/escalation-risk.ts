import type { Mentality } from "../complaint/case-attributes.js";

/**
 * 越级投诉风险: how likely the caller is to take the complaint over our heads (a regulator, the
 * 12345 hotline, the press, a court). Each reason is a fact the agent can see and act on; the
 * points are a judgement, kept in one table so a center can argue with it in one place.
 */
export const riskPoints = {
  threat_words: 40,
  upper_level_transfer: 30,
  reopened: 15,
  dissatisfied_before: 15,
  repeated_contacts: 15,
  overdue: 20,
  extended: 10,
  demand_above_authority: 15,
  mentality: 10,
} as const;
export type RiskReasonCode = keyof typeof riskPoints;
export const riskReasonCodes = Object.keys(riskPoints) as [RiskReasonCode, ...RiskReasonCode[]];

/** Regulators, hotlines, media, lawyers and courts, as callers name them (the list is editable). */
export const defaultThreatWords = [
  "银保监",
  "金融监管",
  "监管局",
  "人民银行",
  "12345",
  "12315",
  "12378",
  "12363",
  "消协",
  "消费者协会",
  "媒体",
  "记者",
  "曝光",
  "微博",
  "抖音",
  "律师",
  "起诉",
  "法院",
  "仲裁",
  "上访",
  "信访",
] as const;

/** Contacts about the case within 30 days from which the caller is plainly chasing. */
export const REPEATED_CONTACTS = 3;
/** How long a contact counts toward `repeated_contacts`. */
export const CONTACT_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
/** Mentalities that seed 003 says escalate when handled wrongly. */
const escalatingMentalities: readonly Mentality[] = ["authority", "gain", "attention"];

export interface RiskFacts {
  /** The complaint's own words and what the customer said since (subject, description, demand, contacts). */
  text: string;
  threatWords: readonly string[];
  upperLevelTransfer: boolean;
  reopenCount: number;
  /** The customer's earlier follow-ups answered 不满意. */
  dissatisfiedFollowUps: number;
  /** The customer's contacts about this case in the last 30 days. */
  contactsLast30Days: number;
  overdueClocks: number;
  extended: boolean;
  /** The demand in fen, and the per-case limit of the case owner's role for compensation. */
  demandFen: number | null;
  authorityFen: number | null;
  mentality: Mentality | null;
}

export interface RiskReason {
  code: RiskReasonCode;
  points: number;
  /** What was found: the threat words, the number of contacts… shown beside the reason. */
  detail?: string;
}

export const riskLevels = ["low", "medium", "high"] as const;
export type RiskLevel = (typeof riskLevels)[number];

export interface EscalationRisk {
  level: RiskLevel;
  score: number;
  reasons: RiskReason[];
}

export const MEDIUM_FROM = 30;
export const HIGH_FROM = 60;

/** The risk and every reason for it, highest-weighing first; the score is capped at 100. */
export function escalationRisk(facts: RiskFacts): EscalationRisk {
  const reasons = presentReasons(facts).sort((a, b) => b.points - a.points);
  const score = Math.min(
    100,
    reasons.reduce((sum, r) => sum + r.points, 0),
  );
  const level: RiskLevel = score >= HIGH_FROM ? "high" : score >= MEDIUM_FROM ? "medium" : "low";
  return { level, score, reasons };
}

function presentReasons(f: RiskFacts): RiskReason[] {
  const reason = (code: RiskReasonCode, detail?: string): RiskReason => ({
    code,
    points: riskPoints[code],
    ...(detail === undefined ? {} : { detail }),
  });
  const threats = f.threatWords.filter((word) => word && f.text.includes(word));
  const candidates: [boolean, () => RiskReason][] = [
    [threats.length > 0, () => reason("threat_words", threats.join("、"))],
    [f.upperLevelTransfer, () => reason("upper_level_transfer")],
    [f.reopenCount > 0, () => reason("reopened", String(f.reopenCount))],
    [
      f.dissatisfiedFollowUps > 0,
      () => reason("dissatisfied_before", String(f.dissatisfiedFollowUps)),
    ],
    [
      f.contactsLast30Days >= REPEATED_CONTACTS,
      () => reason("repeated_contacts", String(f.contactsLast30Days)),
    ],
    [f.overdueClocks > 0, () => reason("overdue", String(f.overdueClocks))],
    [f.extended, () => reason("extended")],
    [
      f.demandFen !== null && f.authorityFen !== null && f.demandFen > f.authorityFen,
      () => reason("demand_above_authority"),
    ],
    [
      f.mentality !== null && escalatingMentalities.includes(f.mentality),
      () => reason("mentality", f.mentality ?? undefined),
    ],
  ];
  return candidates.filter(([applies]) => applies).map(([, make]) => make());
}

/**
 * When time alone next changes an open case's risk, else null: while its contacts are enough to
 * count, the moment the oldest of them leaves the 30-day window (the reason names how many, so
 * each departure moves it). A deadline that passes is not waited for here: the SLA sweep records
 * the breach and scores the case again in the same transaction.
 */
export function riskRecheckAt(f: {
  open: boolean;
  contactsLast30Days: number;
  oldestRecentContactAt: Date | null;
}): Date | null {
  if (!f.open || f.contactsLast30Days < REPEATED_CONTACTS || !f.oldestRecentContactAt) return null;
  return new Date(f.oldestRecentContactAt.getTime() + CONTACT_WINDOW_DAYS * DAY_MS);
}
