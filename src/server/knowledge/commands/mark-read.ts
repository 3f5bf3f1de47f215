import { eq, sql } from "drizzle-orm";
import { knowledgeArticles, knowledgeReads } from "../../../db/schema.js";
import { notFound } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";

/**
 * The caller's read receipt of the article's current version. Marking again, or an older tab
 * marking late, never moves a receipt back to an earlier version.
 */
export async function markArticleRead({ db, caller, clock }: Acting, id: string): Promise<void> {
  const [article] = await db
    .select({ version: knowledgeArticles.version })
    .from(knowledgeArticles)
    .where(eq(knowledgeArticles.id, id));
  if (!article) throw notFound("knowledge_article");
  await db
    .insert(knowledgeReads)
    .values({ articleId: id, userId: caller.id, version: article.version, readAt: clock.now() })
    .onConflictDoUpdate({
      target: [knowledgeReads.articleId, knowledgeReads.userId],
      set: {
        version: sql`greatest(${knowledgeReads.version}, excluded.version)`,
        readAt: clock.now(),
      },
      setWhere: sql`${knowledgeReads.version} < excluded.version`,
    });
}
