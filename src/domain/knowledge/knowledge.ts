// The knowledge base (知识库): what an article is, who keeps it, when it is in force, and when a
// must-read update still waits for a person. Pure rules; the server and the workbench share them.

import type { Role } from "../access/roles.js";

/** 政策, 流程, 常见问题, 话术. */
export const articleKinds = ["policy", "procedure", "faq", "talk_track"] as const;
export type ArticleKind = (typeof articleKinds)[number];

/**
 * Supervisors keep the wording their team answers with (seed 002's periodic information
 * updates); admins keep every list. Agents, specialists, departments and quality read.
 */
export function canEditKnowledge(role: Role): boolean {
  return role === "supervisor" || role === "admin";
}

/** Who read a must-read update is the team lead's follow-up, not a colleague's business. */
export function canSeeReadReceipts(role: Role): boolean {
  return canEditKnowledge(role);
}

export interface EffectivePeriod {
  effectiveFrom: Date | null;
  effectiveTo: Date | null;
}

/**
 * In force at `now`: from its start (inclusive) until its end (exclusive); an open end is
 * open. An article out of its period is still listed (marked), never suggested.
 */
export function isEffective(period: EffectivePeriod, now: Date): boolean {
  const t = now.getTime();
  if (period.effectiveFrom && t < period.effectiveFrom.getTime()) return false;
  if (period.effectiveTo && t >= period.effectiveTo.getTime()) return false;
  return true;
}

/** A period whose end is not after its start can never be in force: refused on save. */
export function isValidPeriod(period: EffectivePeriod): boolean {
  return (
    !period.effectiveFrom ||
    !period.effectiveTo ||
    period.effectiveTo.getTime() > period.effectiveFrom.getTime()
  );
}

/**
 * A must-read article waits for a person until they have read its current version: an update
 * (a new version) is news again, so it comes back, as the paper circular it replaces would.
 */
export function isUnread(
  article: { mustRead: boolean; version: number },
  readVersion: number | null,
): boolean {
  return article.mustRead && (readVersion === null || readVersion < article.version);
}

/** The fields a new version may change; the version row keeps which ones did. */
export const versionedFields = [
  "kind",
  "title",
  "body",
  "category",
  "tags",
  "effectiveFrom",
  "effectiveTo",
  "mustRead",
] as const;
export type VersionedField = (typeof versionedFields)[number];

/** Tags as kept: trimmed, each once, in the order first given. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag.length > 0))];
}
