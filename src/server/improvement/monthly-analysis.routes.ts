import { eq } from "drizzle-orm";
import { analysisSubscriptions } from "../../db/schema.js";
import { canReadMonthlyAnalysis } from "../../domain/improvement/improvement-actions.js";
import { callerOf, callerWith } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import { analysisPdf, analysisXlsx } from "./analysis-files.js";
import { analysisQuery, subscriptionsSchema } from "./improvement.schemas.js";
import { readMonthlyAnalysis } from "./monthly-analysis.js";

const types = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** 月度投诉分析 as JSON, PDF or XLSX, and the mail subscription to it. */
export async function monthlyAnalysisRoutes(app: App) {
  const timeZone = app.config.KESU_TIMEZONE;
  app.get(
    "/reports/monthly-analysis",
    {
      schema: {
        tags: ["reports"],
        summary:
          "月度投诉分析 of a month (2026-11) beside the month before; `format=pdf` or `format=xlsx` downloads it",
        querystring: analysisQuery,
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canReadMonthlyAnalysis);
      const { month, format } = request.query;
      const analysis = await readMonthlyAnalysis(
        { primary: app.db, replica: app.reportDb },
        caller,
        month,
        timeZone,
      );
      if (format === "json") return analysis;
      const file = format === "pdf" ? await analysisPdf(analysis) : await analysisXlsx(analysis);
      const name = encodeURIComponent(`月度投诉分析-${month}.${format}`);
      return reply
        .type(types[format])
        .header(
          "content-disposition",
          `attachment; filename="monthly-analysis-${month}.${format}"; filename*=UTF-8''${name}`,
        )
        .send(file);
    },
  );

  app.get(
    "/me/subscriptions",
    {
      schema: {
        tags: ["reports"],
        summary: "Whether the monthly analysis is mailed to me",
        response: { 200: subscriptionsSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const [row] = await app.db
        .select()
        .from(analysisSubscriptions)
        .where(eq(analysisSubscriptions.userId, caller.id));
      return { monthlyAnalysis: Boolean(row) };
    },
  );

  app.put(
    "/me/subscriptions",
    {
      schema: {
        tags: ["reports"],
        summary:
          "Receive the monthly analysis by mail (PDF attached) or stop it; to my email address",
        body: subscriptionsSchema,
        response: { 200: subscriptionsSchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canReadMonthlyAnalysis);
      if (request.body.monthlyAnalysis)
        await app.db
          .insert(analysisSubscriptions)
          .values({ userId: caller.id })
          .onConflictDoNothing();
      else
        await app.db
          .delete(analysisSubscriptions)
          .where(eq(analysisSubscriptions.userId, caller.id));
      return request.body;
    },
  );
}
