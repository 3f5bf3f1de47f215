import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { taxonomyTerms } from "../../db/schema.js";
import { canManageStaff } from "../../domain/access/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { callerOf, callerWith } from "../auth/caller.js";
import { notFound } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { rejectingDuplicates } from "../http/unique-violation.js";
import { listParams, termInput, termSchema } from "./taxonomy.schemas.js";

export async function taxonomyRoutes(app: App) {
  app.get(
    "/taxonomies/:list",
    {
      schema: {
        tags: ["lists"],
        summary: "Channels, categories, business types or causes",
        params: listParams,
        response: { 200: z.object({ items: z.array(termSchema) }) },
      },
    },
    async (request) => {
      callerOf(request);
      const items = await app.db
        .select()
        .from(taxonomyTerms)
        .where(eq(taxonomyTerms.list, request.params.list))
        .orderBy(asc(taxonomyTerms.sortOrder), asc(taxonomyTerms.code));
      return { items: items as z.infer<typeof termSchema>[] };
    },
  );

  app.post(
    "/taxonomies/:list",
    {
      schema: {
        tags: ["lists"],
        summary: "Add an entry (admin)",
        params: listParams,
        body: termInput,
        response: { 201: termSchema },
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canManageStaff);
      const row = await rejectingDuplicates(
        () =>
          app.db.transaction(async (tx) => {
            const [created] = await tx
              .insert(taxonomyTerms)
              .values({ ...request.body, list: request.params.list })
              .returning();
            await recordAudit(
              tx,
              caller,
              "create",
              "taxonomy_term",
              `${request.params.list}:${request.body.code}`,
              request.body,
            );
            return created!;
          }),
        { taxonomy_terms_list_code_pk: { field: "code", value: request.body.code } },
      );
      return reply.code(201).send(row as z.infer<typeof termSchema>);
    },
  );

  app.patch(
    "/taxonomies/:list/:code",
    {
      schema: {
        tags: ["lists"],
        summary:
          "Relabel, reorder or retire an entry (admin); codes stay so history keeps its meaning",
        params: listParams.extend({ code: z.string() }),
        body: termInput
          .omit({ code: true })
          .partial()
          .extend({ active: z.boolean().optional() })
          .strict(),
        response: { 200: termSchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canManageStaff);
      const { list, code } = request.params;
      return app.db.transaction(async (tx) => {
        const [row] = await tx
          .update(taxonomyTerms)
          .set(request.body)
          .where(and(eq(taxonomyTerms.list, list), eq(taxonomyTerms.code, code)))
          .returning();
        if (!row) throw notFound("term");
        await recordAudit(tx, caller, "update", "taxonomy_term", `${list}:${code}`, request.body);
        return row as z.infer<typeof termSchema>;
      });
    },
  );
}
