import { z } from "zod";
import { articleKinds, versionedFields } from "../../domain/knowledge/knowledge.js";
import {
  changesTo,
  idParams,
  queryFlag,
  searchQuery,
  termCode,
  text,
} from "../http/input-fields.js";

const person = z.object({ id: z.uuid(), displayName: z.string(), agentNo: z.string() });

const articleFields = {
  id: z.uuid(),
  /** policy 政策 · procedure 流程 · faq 常见问题 · talk_track 话术. */
  kind: z.enum(articleKinds),
  title: z.string(),
  body: z.string(),
  /** A complaint category code (taxonomy list `category`); null: every category. */
  category: z.string().nullable(),
  tags: z.array(z.string()),
  /** In force from (inclusive); null: since ever. */
  effectiveFrom: z.date().nullable(),
  /** In force until (exclusive); null: no end. */
  effectiveTo: z.date().nullable(),
  /** In force now: an article out of its period is listed, marked, and never suggested. */
  effective: z.boolean(),
  /** A must-read update: everyone sees it until they have read its current version. */
  mustRead: z.boolean(),
  /** A must-read the caller has not read in its current version. */
  unread: z.boolean(),
  /** Optimistic lock and the number of the current version. */
  version: z.number(),
  updatedAt: z.date(),
  updatedBy: person,
};

export const articleSchema = z.object(articleFields);
export type ArticleDto = z.infer<typeof articleSchema>;

export const articleList = z.object({ items: z.array(articleSchema) });

/** One saved version: what it said, which fields it changed, who saved it and when. */
export const articleVersionSchema = articleSchema
  .pick({
    kind: true,
    title: true,
    body: true,
    category: true,
    tags: true,
    effectiveFrom: true,
    effectiveTo: true,
    mustRead: true,
  })
  .extend({
    articleId: z.uuid(),
    version: z.number(),
    changed: z.array(z.enum(versionedFields)),
    changedAt: z.date(),
    changedBy: person,
  });
export type ArticleVersionDto = z.infer<typeof articleVersionSchema>;

/** The article with every version's line (not its text): the history a reader opens. */
export const articleDetailSchema = articleSchema.extend({
  versions: z.array(articleVersionSchema.omit({ body: true })),
});

export const listArticlesQuery = z.object({
  /** Words that must all occur exactly (space-separated), in the title, tags or body. */
  q: searchQuery.optional(),
  kind: z.enum(articleKinds).optional(),
  category: termCode.optional(),
  tag: text(40).optional(),
  /** `true`: only must-read updates the caller has not read yet (the workbench's banner). */
  unread: queryFlag,
  /** `true`: only articles in force now (the reply box's picker). */
  effective: queryFlag,
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const suggestionsQuery = z.object({ complaintId: z.uuid() });

const dateOrNull = z.coerce.date().nullable();
const writable = {
  kind: z.enum(articleKinds),
  title: text(120),
  body: text(20_000),
  category: termCode.nullable(),
  tags: z.array(text(40)).max(20),
  effectiveFrom: dateOrNull,
  effectiveTo: dateOrNull,
  mustRead: z.boolean(),
};

export const createArticleBody = z.object({
  ...writable,
  category: writable.category.default(null),
  tags: writable.tags.default([]),
  effectiveFrom: writable.effectiveFrom.default(null),
  effectiveTo: writable.effectiveTo.default(null),
  mustRead: writable.mustRead.default(false),
});
export type CreateArticleInput = z.infer<typeof createArticleBody>;

export const updateArticleBody = changesTo(writable);
export type UpdateArticleInput = z.infer<typeof updateArticleBody>;

export const versionParams = idParams.extend({ n: z.coerce.number().int().positive() });

/** Who has read a must-read update, and who of the staff it waits for. */
export const readReceiptsSchema = z.object({
  version: z.number(),
  read: z.array(person.extend({ version: z.number(), readAt: z.date() })),
  /** Active staff who have not read the current version (an older one counts as unread). */
  unread: z.array(person),
});
