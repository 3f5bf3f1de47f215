import { canImportHistory } from "../../domain/access/roles.js";
import { actingOf, callerWith } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import { readUploadedTable } from "../http/uploaded-table.js";
import { importHistory } from "./commands/import-history.js";
import { historyImportQuery, historyImportReportSchema } from "./history.schemas.js";

/** 历史数据导入: an earlier system's cases with their own times, for an admin, audited. */
export async function historyRoutes(app: App) {
  app.post(
    "/imports/history",
    {
      schema: {
        tags: ["imports"],
        summary:
          "Import an earlier system's cases with each step's time (multipart field `file`: XLSX, CSV or JSON); admin only, each case audited, each system's number once",
        consumes: ["multipart/form-data"],
        querystring: historyImportQuery,
        response: { 200: historyImportReportSchema },
      },
    },
    async (request) => {
      callerWith(request, canImportHistory);
      const rows = await readUploadedTable(request, app.config.KESU_MAX_ATTACHMENT_MB);
      return importHistory(
        { ...actingOf(request), timezone: app.config.KESU_TIMEZONE },
        request.query.system,
        rows,
      );
    },
  );
}
