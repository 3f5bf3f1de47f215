import { and, asc, eq, sql } from "drizzle-orm";
import { replyTemplates } from "../../db/schema.js";
import { canManageStaff } from "../../domain/access/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { callerOf, callerWith } from "../auth/caller.js";
import { forbidden } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { refuseStaleEdit } from "../http/stale-edit.js";
import { assertTerms } from "../taxonomy/active-terms.js";
import {
  createReplyTemplateBody,
  listReplyTemplatesQuery,
  type ReplyTemplateDto,
  replyTemplateList,
  replyTemplateSchema,
  updateReplyTemplateBody,
} from "./reply-template.schemas.js";

// Templates are an admin-kept list like categories and causes, so the same capability edits them.
const canManageTemplates = canManageStaff;

function presentTemplate(row: typeof replyTemplates.$inferSelect): ReplyTemplateDto {
  const { createdAt: _createdAt, ...dto } = row;
  return dto;
}

export async function replyTemplateRoutes(app: App) {
  app.get(
    "/reply-templates",
    {
      schema: {
        tags: ["reply templates"],
        summary: "Reply templates (话术) to insert into replies; a category's own first",
        querystring: listReplyTemplatesQuery,
        response: { 200: replyTemplateList },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { category, includeInactive = false } = request.query;
      if (includeInactive && !canManageTemplates(caller.role)) throw forbidden();
      // The complaint's category first, then the ones for every category, then other categories'.
      const rank = category
        ? [
            sql`case when ${replyTemplates.category} = ${category} then 0
              when ${replyTemplates.category} is null then 1 else 2 end`,
          ]
        : [];
      const rows = await app.db
        .select()
        .from(replyTemplates)
        .where(includeInactive ? undefined : eq(replyTemplates.active, true))
        .orderBy(...rank, asc(replyTemplates.sortOrder), asc(replyTemplates.title))
        .limit(500);
      return { items: rows.map(presentTemplate) };
    },
  );

  app.post(
    "/reply-templates",
    {
      schema: {
        tags: ["reply templates"],
        summary: "Add a reply template (admin)",
        body: createReplyTemplateBody,
        response: { 201: replyTemplateSchema },
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canManageTemplates);
      const created = await app.db.transaction(async (tx) => {
        await assertTerms(tx, [
          { list: "category", field: "body.category", codes: [request.body.category] },
        ]);
        const [row] = await tx.insert(replyTemplates).values(request.body).returning();
        await recordAudit(tx, caller, "create", "reply_template", row!.id, request.body);
        return row!;
      });
      return reply.code(201).send(presentTemplate(created));
    },
  );

  app.patch(
    "/reply-templates/:id",
    {
      schema: {
        tags: ["reply templates"],
        summary: "Edit, retire (active: false) or restore a reply template (admin)",
        params: idParams,
        body: updateReplyTemplateBody,
        response: { 200: replyTemplateSchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canManageTemplates);
      const { version, ...changes } = request.body;
      const updated = await app.db.transaction(async (tx) => {
        await assertTerms(tx, [
          { list: "category", field: "body.category", codes: [changes.category] },
        ]);
        const [row] = await tx
          .update(replyTemplates)
          .set({ ...changes, version: version + 1, updatedAt: app.clock.now() })
          .where(and(eq(replyTemplates.id, request.params.id), eq(replyTemplates.version, version)))
          .returning();
        if (!row) return refuseStaleEdit(tx, replyTemplates, request.params.id, "reply_template");
        const action =
          changes.active === false ? "deactivate" : changes.active ? "activate" : "update";
        await recordAudit(tx, caller, action, "reply_template", row.id, { version, ...changes });
        return row;
      });
      return presentTemplate(updated);
    },
  );
}
