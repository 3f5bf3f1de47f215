import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import type { ArticleKind, VersionedField } from "../../domain/knowledge/knowledge.js";
import { at, createdAt, generatedId, requiredRef, rowVersion, updatedAt } from "./columns.js";
import { users } from "./staff.js";

/**
 * 知识库: a policy, procedure, FAQ or talk track (话术) as it reads now. Every version, this one
 * included, is also a row of knowledge_article_versions, so an old wording stays readable.
 */
export const knowledgeArticles = pgTable(
  "knowledge_articles",
  {
    id: generatedId(),
    kind: text("kind").$type<ArticleKind>().notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** A complaint category code (taxonomy list `category`): suggested on its cases; null for all. */
    category: text("category"),
    tags: text("tags").array().notNull().default(sql`'{}'`),
    effectiveFrom: at("effective_from"),
    effectiveTo: at("effective_to"),
    /** A must-read update: shown to everyone until they have read its current version. */
    mustRead: boolean("must_read").notNull().default(false),
    version: rowVersion(),
    createdById: requiredRef("created_by_id", () => users.id),
    createdAt: createdAt(),
    updatedById: requiredRef("updated_by_id", () => users.id),
    updatedAt: updatedAt(),
    /** What search looks in: title, tags and body, with the complaints' keys (migration 0013). */
    searchGrams: text("search_grams")
      .array()
      .generatedAlwaysAs(sql`kesu_search_grams(kesu_article_text(title, tags, body))`),
  },
  (t) => [
    index("knowledge_articles_search_grams_idx")
      .using("gin", t.searchGrams)
      .with({ fastupdate: false }),
    index("knowledge_articles_must_read_idx").on(t.updatedAt).where(sql`must_read`),
    check(
      "knowledge_articles_kind_check",
      sql`kind in ('policy', 'procedure', 'faq', 'talk_track')`,
    ),
  ],
);

/** Every version of an article as it was saved, by whom and when; append-only (migration 0028). */
export const knowledgeArticleVersions = pgTable(
  "knowledge_article_versions",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => knowledgeArticles.id),
    version: integer("version").notNull(),
    kind: text("kind").$type<ArticleKind>().notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    category: text("category"),
    tags: text("tags").array().notNull(),
    effectiveFrom: at("effective_from"),
    effectiveTo: at("effective_to"),
    mustRead: boolean("must_read").notNull(),
    /** The fields this version changed from the one before (all of them for the first). */
    changed: jsonb("changed").$type<VersionedField[]>().notNull(),
    changedById: requiredRef("changed_by_id", () => users.id),
    changedAt: at("changed_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.version] })],
);

/** A person's read receipt of an article: the latest version they marked read, and when. */
export const knowledgeReads = pgTable(
  "knowledge_reads",
  {
    articleId: uuid("article_id")
      .notNull()
      .references(() => knowledgeArticles.id),
    userId: requiredRef("user_id", () => users.id),
    version: integer("version").notNull(),
    readAt: at("read_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.userId] }),
    index("knowledge_reads_user_idx").on(t.userId),
  ],
);
