import {
  aliasedTable,
  and,
  desc,
  eq,
  getTableColumns,
  isNull,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Database } from "../../db/client.js";
import {
  type complaints,
  knowledgeArticles,
  knowledgeArticleVersions,
  knowledgeReads,
  users,
} from "../../db/schema.js";
import { isEffective, isUnread } from "../../domain/knowledge/knowledge.js";
import { contains } from "../case/search-text.js";
import { notFound } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import type { ArticleDto } from "./knowledge.schemas.js";

const {
  searchGrams: _grams,
  createdById: _by,
  createdAt: _at,
  ...articleColumns
} = getTableColumns(knowledgeArticles);

const person = (table: typeof users) => ({
  id: table.id,
  displayName: table.displayName,
  agentNo: table.agentNo,
});

/** The text an article is found by: the same words its keys (search_grams) are made of. */
const searchedText = sql`kesu_article_text(${knowledgeArticles.title}, ${knowledgeArticles.tags}, ${knowledgeArticles.body})`;

/**
 * Each term of a search, found exactly as in complaint search: the term's character pairs must
 * all be the article's keys (the GIN filter), then the term itself must occur in its text.
 */
export function knowledgeSearch(q: string): SQL {
  const terms = q.split(/\s+/).filter(Boolean);
  return and(
    ...terms.map(
      (term) =>
        sql`(${knowledgeArticles.searchGrams} @> kesu_query_grams(${term}) and ${contains(searchedText, term, "index")})`,
    ),
  )!;
}

/** In force at `now` (domain/knowledge isEffective, spelt for the database). */
export function effectiveAt(now: Date): SQL {
  return and(
    or(isNull(knowledgeArticles.effectiveFrom), sql`${knowledgeArticles.effectiveFrom} <= ${now}`),
    or(isNull(knowledgeArticles.effectiveTo), sql`${knowledgeArticles.effectiveTo} > ${now}`),
  )!;
}

/** Unread by the caller: a must-read whose current version they have not marked read. */
export const unreadByCaller = sql`(${knowledgeArticles.mustRead} and coalesce(${knowledgeReads.version}, 0) < ${knowledgeArticles.version})`;

/** Articles as the caller sees them: who last changed each, and whether it waits for them. */
export function selectArticles(db: Database, caller: Caller) {
  return db
    .select({
      article: articleColumns,
      updatedBy: person(users),
      readVersion: knowledgeReads.version,
    })
    .from(knowledgeArticles)
    .innerJoin(users, eq(users.id, knowledgeArticles.updatedById))
    .leftJoin(
      knowledgeReads,
      and(eq(knowledgeReads.articleId, knowledgeArticles.id), eq(knowledgeReads.userId, caller.id)),
    )
    .$dynamic();
}

type SelectedArticle = Awaited<ReturnType<ReturnType<typeof selectArticles>["execute"]>>[number];

export function presentArticle(row: SelectedArticle, now: Date): ArticleDto {
  const { article, updatedBy, readVersion } = row;
  return {
    ...article,
    effective: isEffective(article, now),
    unread: isUnread(article, readVersion),
    updatedBy,
  };
}

export async function readArticle(db: Database, caller: Caller, id: string, now: Date) {
  const [row] = await selectArticles(db, caller).where(eq(knowledgeArticles.id, id));
  if (!row) throw notFound("knowledge_article");
  return presentArticle(row, now);
}

const editor = aliasedTable(users, "editor");

/** Versions of an article, newest first; `version` narrows to one (with its text). */
export function selectVersions(db: Database, articleId: string, version?: number) {
  const { articleId: _a, changedById: _c, ...columns } = getTableColumns(knowledgeArticleVersions);
  return db
    .select({
      ...columns,
      articleId: knowledgeArticleVersions.articleId,
      changedBy: person(editor),
    })
    .from(knowledgeArticleVersions)
    .innerJoin(editor, eq(editor.id, knowledgeArticleVersions.changedById))
    .where(
      and(
        eq(knowledgeArticleVersions.articleId, articleId),
        version === undefined ? undefined : eq(knowledgeArticleVersions.version, version),
      ),
    )
    .orderBy(desc(knowledgeArticleVersions.version));
}

/**
 * What to offer beside a case's reply box: articles in force whose category is the case's, or
 * whose title or a tag occurs in the case's subject and description. The case's category counts
 * most, then each tag or the title found in its text, then how many character pairs the two
 * texts share (the search keys), so the article nearest the customer's words comes first.
 */
export async function suggestFor(
  db: Database,
  caller: Caller,
  complaint: Pick<typeof complaints.$inferSelect, "category" | "subject" | "description">,
  now: Date,
) {
  const text = `${complaint.subject} ${complaint.description}`.toLowerCase();
  const sameCategory = complaint.category
    ? sql`coalesce(${knowledgeArticles.category} = ${complaint.category}, false)`
    : sql`false`;
  const tagHits = sql`(select count(*) from unnest(${knowledgeArticles.tags}) tag where strpos(${text}, lower(tag)) > 0)`;
  const titleHit = sql`strpos(${text}, lower(${knowledgeArticles.title})) > 0`;
  const shared = sql`cardinality(array(select unnest(${knowledgeArticles.searchGrams}) intersect select unnest(kesu_search_grams(${text}))))`;
  const rows = await selectArticles(db, caller)
    .where(and(effectiveAt(now), or(sameCategory, sql`${tagHits} > 0`, titleHit)))
    .orderBy(
      sql`(${sameCategory})::int * 1000 + ${tagHits} * 100 + (${titleHit})::int * 100 + ${shared} desc`,
      desc(knowledgeArticles.updatedAt),
    )
    .limit(8);
  return rows.map((row) => presentArticle(row, now));
}

/** Who has read the article (their latest version and when) and which active staff it waits for. */
export async function readReceipts(db: Database, articleId: string) {
  const [article] = await db
    .select({ version: knowledgeArticles.version })
    .from(knowledgeArticles)
    .where(eq(knowledgeArticles.id, articleId));
  if (!article) throw notFound("knowledge_article");
  const rows = await db
    .select({
      ...person(users),
      active: users.active,
      version: knowledgeReads.version,
      readAt: knowledgeReads.readAt,
    })
    .from(users)
    .leftJoin(
      knowledgeReads,
      and(eq(knowledgeReads.userId, users.id), eq(knowledgeReads.articleId, articleId)),
    )
    .where(or(eq(users.active, true), sql`${knowledgeReads.userId} is not null`))
    .orderBy(users.agentNo);
  const current = (row: (typeof rows)[number]) =>
    row.version !== null && row.version >= article.version;
  return {
    version: article.version,
    read: rows.flatMap(({ version, readAt, active: _active, ...who }) =>
      version !== null && readAt !== null ? [{ ...who, version, readAt }] : [],
    ),
    unread: rows
      .filter((row) => row.active && !current(row))
      .map(({ id, displayName, agentNo }) => ({ id, displayName, agentNo })),
  };
}
