import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { transferSources } from "../../db/schema.js";
import { canImportTransfers, canManageStaff } from "../../domain/access/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { actingOf, callerWith } from "../auth/caller.js";
import { messagingOf } from "../customer-messages/customer-messaging.js";
import { badRequest, forbidden, notFound } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { refuseStaleEdit } from "../http/stale-edit.js";
import { jsonRows } from "../http/table-file.js";
import { rejectingDuplicates } from "../http/unique-violation.js";
import { readUploadedTable } from "../http/uploaded-table.js";
import { inboundCaller } from "../inbound/inbound-caller.js";
import { signatureMatches } from "../notifications/signature.js";
import { sendTable } from "../reports/report-files.js";
import { importTransfers } from "./commands/import-transfers.js";
import { replyBackTable } from "./reply-back.js";
import {
  importReportSchema,
  transferSourceBody,
  transferSourceSchema,
  transferSourceUpdate,
} from "./transfer.schemas.js";

type SourceRow = typeof transferSources.$inferSelect;
const present = ({ webhookSecret, ...source }: SourceRow) => ({
  ...source,
  pushes: webhookSecret !== null,
});
const unique = (name: string) => ({
  transfer_sources_name_unique: { field: "source_name" as const, value: name },
});

async function sourceOf(app: App, id: string): Promise<SourceRow> {
  const [source] = await app.db.select().from(transferSources).where(eq(transferSources.id, id));
  if (!source) throw notFound("transfer_source");
  return source;
}

/** Upper-level hotlines (12345, 95598 …): their sources and mappings, imports, reply-back, pushes. */
export async function transferSourceRoutes(app: App) {
  app.get(
    "/transfer-sources",
    {
      schema: {
        tags: ["transfers"],
        summary:
          "Hotlines that transfer work orders, with their field mappings (supervisor, admin)",
        response: { 200: z.object({ items: z.array(transferSourceSchema) }) },
      },
    },
    async (request) => {
      callerWith(request, canImportTransfers);
      const rows = await app.db.select().from(transferSources).orderBy(asc(transferSources.name));
      return { items: rows.map(present) };
    },
  );

  app.post(
    "/transfer-sources",
    {
      schema: {
        tags: ["transfers"],
        summary: "Add a hotline and how its files map to a complaint (admin)",
        body: transferSourceBody,
        response: { 201: transferSourceSchema },
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canManageStaff);
      const { webhookSecret, ...rest } = request.body;
      const row = await rejectingDuplicates(
        () =>
          app.db.transaction(async (tx) => {
            const [created] = await tx
              .insert(transferSources)
              .values({ ...rest, webhookSecret: webhookSecret ?? null })
              .returning();
            await recordAudit(tx, caller, "create", "transfer_source", created!.id, rest);
            return created!;
          }),
        unique(request.body.name),
      );
      return reply.code(201).send(present(row));
    },
  );

  app.patch(
    "/transfer-sources/:id",
    {
      schema: {
        tags: ["transfers"],
        summary: "Change a hotline's mapping, secret or pause it (admin)",
        params: idParams,
        body: transferSourceUpdate,
        response: { 200: transferSourceSchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canManageStaff);
      const { webhookSecret, version, ...rest } = request.body;
      const { id } = request.params;
      return rejectingDuplicates(
        () =>
          app.db.transaction(async (tx) => {
            const [row] = await tx
              .update(transferSources)
              .set({
                ...rest,
                ...(webhookSecret !== undefined ? { webhookSecret } : {}),
                version: version + 1,
                updatedAt: app.clock.now(),
              })
              .where(and(eq(transferSources.id, id), eq(transferSources.version, version)))
              .returning();
            if (!row) return refuseStaleEdit(tx, transferSources, id, "transfer_source");
            await recordAudit(tx, caller, "update", "transfer_source", row.id, {
              ...rest,
              ...(webhookSecret !== undefined ? { secretChanged: true } : {}),
            });
            return present(row);
          }),
        unique(request.body.name ?? ""),
      );
    },
  );

  app.post(
    "/transfer-sources/:id/imports",
    {
      schema: {
        tags: ["transfers"],
        summary:
          "Import a hotline's work orders (multipart field `file`: XLSX, CSV or JSON); each external number once",
        consumes: ["multipart/form-data"],
        params: idParams,
        response: { 200: importReportSchema },
      },
    },
    async (request) => {
      const acting = actingOf(request);
      callerWith(request, canImportTransfers);
      const source = await sourceOf(app, request.params.id);
      if (!source.active) throw badRequest("source_inactive");
      const rows = await readUploadedTable(request, app.config.KESU_MAX_ATTACHMENT_MB);
      return importTransfers(
        { ...acting, timezone: app.config.KESU_TIMEZONE, messaging: messagingOf(app.config) },
        source,
        rows,
      );
    },
  );

  app.get(
    "/transfer-sources/:id/reply-back",
    {
      schema: {
        tags: ["transfers"],
        summary:
          "The reply-back (办结反馈/回复单) of answered cases, in the hotline's own columns plus result, finding, satisfaction",
        params: idParams,
        querystring: z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") }),
      },
    },
    async (request, reply) => {
      callerWith(request, canImportTransfers);
      const source = await sourceOf(app, request.params.id);
      const table = await replyBackTable(app.db, source, app.config.KESU_TIMEZONE);
      return sendTable(reply, table, request.query.format);
    },
  );

  // A hotline that pushes signs the exact bytes it sends, so this route reads them unparsed.
  await app.register(async (scope: App) => {
    scope.removeContentTypeParser("application/json");
    scope.addContentTypeParser("application/json", { parseAs: "buffer" }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      "/transfer-sources/:id/webhook",
      {
        config: { public: true },
        schema: {
          tags: ["transfers"],
          summary:
            "A hotline pushes work orders as JSON (one, an array, or { items }), signed: X-Kesu-Signature: sha256=HMAC-SHA256(secret, body)",
          params: idParams,
          response: { 200: importReportSchema },
        },
      },
      async (request) => {
        const source = await sourceOf(app, request.params.id).catch(() => {
          throw forbidden("bad_signature");
        });
        const body = request.body as Buffer | undefined;
        const given = request.headers["x-kesu-signature"];
        if (
          !source.webhookSecret ||
          !body ||
          !signatureMatches(
            source.webhookSecret,
            body,
            typeof given === "string" ? given : undefined,
          )
        )
          throw forbidden("bad_signature");
        if (!source.active) throw badRequest("source_inactive");
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString("utf8"));
        } catch {
          throw badRequest("unreadable_file");
        }
        const caller = await inboundCaller(app.db);
        return importTransfers(
          {
            db: app.db,
            caller,
            clock: app.clock,
            timezone: app.config.KESU_TIMEZONE,
            messaging: messagingOf(app.config),
          },
          source,
          jsonRows(parsed),
        );
      },
    );
  });
}
