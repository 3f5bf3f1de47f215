import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client.js";
import { knowledgeArticles, knowledgeArticleVersions } from "../../../db/schema.js";
import {
  canEditKnowledge,
  isValidPeriod,
  normaliseTags,
  type VersionedField,
  versionedFields,
} from "../../../domain/knowledge/knowledge.js";
import { recordAudit } from "../../audit/record-audit.js";
import { fieldInvalid, forbidden, notFound, versionConflict } from "../../http/app-error.js";
import type { Acting, Caller } from "../../http/app-types.js";
import { assertTerms } from "../../taxonomy/active-terms.js";
import type { CreateArticleInput, UpdateArticleInput } from "../knowledge.schemas.js";
import { recordReceipt } from "./mark-read.js";

type Article = typeof knowledgeArticles.$inferSelect;

/** A new article, version 1, by a supervisor or admin; its first version row and audit with it. */
export async function createArticle(
  { db, caller, clock }: Acting,
  input: CreateArticleInput,
): Promise<string> {
  if (!canEditKnowledge(caller.role)) throw forbidden();
  const fields = { ...input, tags: normaliseTags(input.tags) };
  if (!isValidPeriod(fields)) throw fieldInvalid("body.effectiveTo", "invalid_period");
  return db.transaction(async (tx) => {
    await assertTerms(tx, [{ list: "category", field: "body.category", codes: [fields.category] }]);
    const now = clock.now();
    const [row] = await tx
      .insert(knowledgeArticles)
      .values({
        ...fields,
        createdById: caller.id,
        createdAt: now,
        updatedById: caller.id,
        updatedAt: now,
      })
      .returning();
    await writeVersion(tx, caller, row!, [...versionedFields]);
    await recordAudit(tx, caller, "create", "knowledge_article", row!.id, { ...fields });
    return row!.id;
  });
}

/**
 * A new version of an article, made on the version the editor saw (else 409 with the current
 * one); the fields that really changed are kept on the version row. Nothing changed: no version.
 */
export async function updateArticle(
  { db, caller, clock }: Acting,
  id: string,
  { version, ...input }: UpdateArticleInput,
): Promise<void> {
  if (!canEditKnowledge(caller.role)) throw forbidden();
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(knowledgeArticles)
      .where(eq(knowledgeArticles.id, id))
      .for("update");
    if (!current) throw notFound("knowledge_article");
    if (current.version !== version) throw versionConflict(current.version, "knowledge_article");
    const next = { ...input, ...(input.tags ? { tags: normaliseTags(input.tags) } : {}) };
    const changed = versionedFields.filter(
      (field) => field in next && !sameValue(current[field], next[field]),
    );
    if (changed.length === 0) return;
    const period = {
      effectiveFrom: next.effectiveFrom === undefined ? current.effectiveFrom : next.effectiveFrom,
      effectiveTo: next.effectiveTo === undefined ? current.effectiveTo : next.effectiveTo,
    };
    if (!isValidPeriod(period)) throw fieldInvalid("body.effectiveTo", "invalid_period");
    if (next.category !== undefined)
      await assertTerms(tx, [{ list: "category", field: "body.category", codes: [next.category] }]);
    const [row] = await tx
      .update(knowledgeArticles)
      .set({ ...next, version: version + 1, updatedById: caller.id, updatedAt: clock.now() })
      .where(and(eq(knowledgeArticles.id, id), eq(knowledgeArticles.version, version)))
      .returning();
    await writeVersion(tx, caller, row!, changed);
    await recordAudit(tx, caller, "update", "knowledge_article", id, { version, changed });
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The version row; and the editor has read what they saved, so a must-read never waits for them. */
async function writeVersion(tx: Tx, caller: Caller, row: Article, changed: VersionedField[]) {
  await recordReceipt(tx, row.id, caller.id, row.version, row.updatedAt);
  await tx.insert(knowledgeArticleVersions).values({
    articleId: row.id,
    version: row.version,
    kind: row.kind,
    title: row.title,
    body: row.body,
    category: row.category,
    tags: row.tags,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    mustRead: row.mustRead,
    changed,
    changedById: caller.id,
    changedAt: row.updatedAt,
  });
}
