import { callerOf } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import { backlogQuery, backlogSchema, heatmapQuery, heatmapSchema } from "./dashboard.schemas.js";
import { readBacklog, readHeatmap } from "./dashboard-reports.js";
import { fileResponses } from "./report.schemas.js";
import { answer, type ReportTable } from "./report-files.js";

type Backlog = Awaited<ReturnType<typeof readBacklog>>;
type Heatmap = Awaited<ReturnType<typeof readHeatmap>>;

const backlogTable = (r: Backlog): ReportTable => ({
  name: `积压账龄_${r.today}`,
  headers: ["账龄（天）", "未结数（件）", "已超期（件）"],
  rows: r.buckets.map((b) => [b.key, b.count, b.overdue]),
});

const heatmapTable = (r: Heatmap): ReportTable => ({
  name: `部门类别分布_${r.from}_${r.to}`,
  headers: ["主办部门", "投诉类别", "受理量（件）"],
  rows: r.cells.map((c) => [c.department.label.zh, c.category.label.zh, c.count]),
});

/** 统计看板's reports beside reports/report.routes.ts: backlog ageing and department × category. */
export async function dashboardReportRoutes(app: App) {
  const timeZone = app.config.KESU_TIMEZONE;
  app.get(
    "/reports/backlog",
    {
      schema: {
        tags: ["reports"],
        summary:
          "积压账龄: open cases now by days since receipt, each bucket's receipt days for the queue",
        querystring: backlogQuery,
        response: fileResponses(backlogSchema),
      },
    },
    (request, reply) =>
      answer(
        app,
        reply,
        request.query.format,
        (source) => readBacklog(source, callerOf(request), request.query, timeZone),
        backlogTable,
      ),
  );

  app.get(
    "/reports/heatmap",
    {
      schema: {
        tags: ["reports"],
        summary: "Accepted cases per lead department × category over the period",
        querystring: heatmapQuery,
        response: fileResponses(heatmapSchema),
      },
    },
    (request, reply) =>
      answer(
        app,
        reply,
        request.query.format,
        (source) => readHeatmap(source, callerOf(request), request.query, timeZone),
        heatmapTable,
      ),
  );
}
