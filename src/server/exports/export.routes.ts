import { actingOf, callerOf } from "../auth/caller.js";
import { AppError } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { createExport } from "./commands/create-export.js";
import { ownExport, presentExport, recentExports } from "./export.presenter.js";
import { createExportBody, exportList, exportSchema } from "./export.schemas.js";
import { exportFileStream } from "./export-file.js";
import { exportKicker } from "./export-kick.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** 导出任务: large queue and report exports written in the background, with progress. */
export async function exportRoutes(app: App) {
  const kicker = exportKicker(
    { db: app.db, replica: app.reportDb, timeZone: app.config.KESU_TIMEZONE },
    app.log,
  );
  app.addHook("onClose", () => kicker.stop());

  app.post(
    "/exports",
    {
      schema: {
        tags: ["exports"],
        summary:
          "Export the queue (its filters or a saved view) or a report to XLSX or CSV in the background; 202 with the export to poll",
        body: createExportBody,
        response: { 202: exportSchema },
      },
    },
    async (request, reply) => {
      const created = await createExport(actingOf(request), request.body);
      kicker.kick();
      return reply.code(202).send(presentExport(created));
    },
  );

  app.get(
    "/exports",
    {
      schema: {
        tags: ["exports"],
        summary: "The caller's latest exports, newest first",
        response: { 200: exportList },
      },
    },
    async (request) => ({ items: await recentExports(app.db, callerOf(request)) }),
  );

  app.get(
    "/exports/:id",
    {
      schema: {
        tags: ["exports"],
        summary: "An export's status and progress (rows done of the total); the requester's only",
        params: idParams,
        response: { 200: exportSchema },
      },
    },
    async (request) => presentExport(await ownExport(app.db, callerOf(request), request.params.id)),
  );

  app.get(
    "/exports/:id/file",
    {
      schema: {
        tags: ["exports"],
        summary: "The finished export's file; only its requester may download it (404 to others)",
        params: idParams,
      },
    },
    async (request, reply) => {
      const row = await ownExport(app.db, callerOf(request), request.params.id);
      if (row.status !== "done") throw new AppError("export_not_ready", { status: row.status });
      const name = encodeURIComponent(row.fileName ?? `export.${row.format}`);
      return reply
        .type(row.format === "csv" ? "text/csv; charset=utf-8" : XLSX_TYPE)
        .header("content-length", String(row.fileSize))
        .header(
          "content-disposition",
          `attachment; filename="export.${row.format}"; filename*=UTF-8''${name}`,
        )
        .send(await exportFileStream(app.db, row));
    },
  );
}
