import { eq, sql } from "drizzle-orm";
import type { Database, Tx } from "../../../db/client.js";
import { knowledgeArticles, knowledgeReads } from "../../../db/schema.js";
import { notFound } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";

/** The caller's read receipt of the article's current version. */
export async function markArticleRead({ db, caller, clock }: Acting, id: string): Promise<void> {
  const [article] = await db
    .select({ version: knowledgeArticles.version })
    .from(knowledgeArticles)
    .where(eq(knowledgeArticles.id, id));
  if (!article) throw notFound("knowledge_article");
  await recordReceipt(db, id, caller.id, article.version, clock.now());
}

/**
 * A person's receipt of `version`. Marking again, or an older tab marking late, never moves a
 * receipt back to an earlier version nor its time to a later one.
 */
export async function recordReceipt(
  db: Database | Tx,
  articleId: string,
  userId: string,
  version: number,
  at: Date,
) {
  await db
    .insert(knowledgeReads)
    .values({ articleId, userId, version, readAt: at })
    .onConflictDoUpdate({
      target: [knowledgeReads.articleId, knowledgeReads.userId],
      set: { version: sql`excluded.version`, readAt: sql`excluded.read_at` },
      setWhere: sql`${knowledgeReads.version} < excluded.version`,
    });
}
