import { and, desc, eq, sql } from "drizzle-orm";
import { knowledgeArticles } from "../../db/schema.js";
import { canSeeReadReceipts } from "../../domain/knowledge/knowledge.js";
import { actingOf, callerOf, callerWith } from "../auth/caller.js";
import { readVisibleComplaint } from "../case/visible-complaint.js";
import { notFound } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { showing } from "../http/showing.js";
import { markArticleRead } from "./commands/mark-read.js";
import { createArticle, updateArticle } from "./commands/save-article.js";
import {
  articleDetailSchema,
  articleList,
  articleSchema,
  articleVersionSchema,
  createArticleBody,
  listArticlesQuery,
  readReceiptsSchema,
  suggestionsQuery,
  updateArticleBody,
  versionParams,
} from "./knowledge.schemas.js";
import {
  effectiveAt,
  knowledgeSearch,
  presentArticle,
  readArticle,
  readReceipts,
  selectArticles,
  selectVersions,
  suggestFor,
  unreadByCaller,
} from "./knowledge-store.js";

const tags = ["knowledge"];

export async function knowledgeRoutes(app: App) {
  const article = showing((caller, id) => readArticle(app.db, caller, id, app.clock.now()));

  app.get(
    "/knowledge",
    {
      schema: {
        tags,
        summary: "Knowledge articles (知识库); `q` finds each word exactly, as complaint search",
        querystring: listArticlesQuery,
        response: { 200: articleList },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { q, kind, category, tag, unread, effective, limit } = request.query;
      const now = app.clock.now();
      const rows = await selectArticles(app.db, caller)
        .where(
          and(
            q ? knowledgeSearch(q) : undefined,
            kind ? eq(knowledgeArticles.kind, kind) : undefined,
            category ? eq(knowledgeArticles.category, category) : undefined,
            tag ? sql`${tag} = any(${knowledgeArticles.tags})` : undefined,
            unread ? unreadByCaller : undefined,
            effective ? effectiveAt(now) : undefined,
          ),
        )
        .orderBy(desc(knowledgeArticles.updatedAt), knowledgeArticles.id)
        .limit(limit);
      return { items: rows.map((row) => presentArticle(row, now)) };
    },
  );

  app.get(
    "/knowledge/suggestions",
    {
      schema: {
        tags,
        summary: "Articles in force to offer beside a case's reply box, by its category and text",
        querystring: suggestionsQuery,
        response: { 200: articleList },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { complaint } = await readVisibleComplaint(app.db, caller, request.query.complaintId);
      return { items: await suggestFor(app.db, caller, complaint, app.clock.now()) };
    },
  );

  app.post(
    "/knowledge",
    {
      schema: {
        tags,
        summary: "Publish an article (supervisors and admins)",
        body: createArticleBody,
        response: { 201: articleSchema },
      },
    },
    (request, reply) =>
      article.created(actingOf(request), reply, (acting) => createArticle(acting, request.body)),
  );

  app.get(
    "/knowledge/:id",
    {
      schema: {
        tags,
        summary: "An article as it reads now, with the line of every version",
        params: idParams,
        response: { 200: articleDetailSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const article = await readArticle(app.db, caller, request.params.id, app.clock.now());
      const versions = await selectVersions(app.db, article.id);
      return { ...article, versions: versions.map(({ body: _body, ...line }) => line) };
    },
  );

  app.patch(
    "/knowledge/:id",
    {
      schema: {
        tags,
        summary: "Save a new version (supervisors and admins); a stale `version` answers 409",
        params: idParams,
        body: updateArticleBody,
        response: { 200: articleSchema },
      },
    },
    (request) =>
      article.changed(actingOf(request), request.params.id, (acting) =>
        updateArticle(acting, request.params.id, request.body),
      ),
  );

  app.get(
    "/knowledge/:id/versions/:n",
    {
      schema: {
        tags,
        summary: "One version of an article as it was saved",
        params: versionParams,
        response: { 200: articleVersionSchema },
      },
    },
    async (request) => {
      callerOf(request);
      const [row] = await selectVersions(app.db, request.params.id, request.params.n);
      if (!row) throw notFound("article_version");
      return row;
    },
  );

  app.post(
    "/knowledge/:id/read",
    {
      schema: {
        tags,
        summary: "Mark the article's current version read by the caller",
        params: idParams,
      },
    },
    async (request, reply) => {
      await markArticleRead(actingOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/knowledge/:id/reads",
    {
      schema: {
        tags,
        summary: "Who has read the article's current version, and whom it waits for (supervisors)",
        params: idParams,
        response: { 200: readReceiptsSchema },
      },
    },
    async (request) => {
      callerWith(request, canSeeReadReceipts);
      return readReceipts(app.db, request.params.id);
    },
  );
}
