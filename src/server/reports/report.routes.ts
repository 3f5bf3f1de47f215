import { callerOf } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import { readCauses } from "./causes-report.js";
import { readKpis } from "./kpi-report.js";
import { readRegulator } from "./regulator-report.js";
import {
  causesQuery,
  causesSchema,
  fileResponses,
  kpisQuery,
  kpisSchema,
  regulatorQuery,
  regulatorSchema,
  trendQuery,
  trendSchema,
} from "./report.schemas.js";
import { sendTable } from "./report-files.js";
import { causesTable, kpisTable, regulatorTable, trendTable } from "./report-tables.js";
import { readTrend } from "./trend-report.js";

const files = "; `format=csv` or `format=xlsx` downloads it";

/** 统计报表: the KPI table, a KPI's trend, the causes' Pareto and the regulator's classified table. */
export async function reportRoutes(app: App) {
  const timeZone = app.config.KESU_TIMEZONE;

  app.get(
    "/reports/kpis",
    {
      schema: {
        tags: ["reports"],
        summary: `Every KPI (standards.md) per group and in total over the cases received in the period${files}`,
        querystring: kpisQuery,
        response: fileResponses(kpisSchema),
      },
    },
    async (request, reply) => {
      const report = await readKpis(app.db, callerOf(request), request.query, timeZone);
      const { format } = request.query;
      return format === "json" ? report : sendTable(reply, kpisTable(report), format);
    },
  );

  app.get(
    "/reports/trend",
    {
      schema: {
        tags: ["reports"],
        summary: `One KPI per day, week or month of receipt${files}`,
        querystring: trendQuery,
        response: fileResponses(trendSchema),
      },
    },
    async (request, reply) => {
      const report = await readTrend(app.db, callerOf(request), request.query, timeZone);
      const { format } = request.query;
      return format === "json" ? report : sendTable(reply, trendTable(report), format);
    },
  );

  app.get(
    "/reports/causes",
    {
      schema: {
        tags: ["reports"],
        summary: `The causes' Pareto: cases per cause, share and running share${files}`,
        querystring: causesQuery,
        response: fileResponses(causesSchema),
      },
    },
    async (request, reply) => {
      const report = await readCauses(app.db, callerOf(request), request.query, timeZone);
      const { format } = request.query;
      return format === "json" ? report : sendTable(reply, causesTable(report), format);
    },
  );

  app.get(
    "/reports/regulator",
    {
      schema: {
        tags: ["reports"],
        summary: `The regulator's classified table (JR/T 0169): channel × business type × cause${files}`,
        querystring: regulatorQuery,
        response: fileResponses(regulatorSchema),
      },
    },
    async (request, reply) => {
      const report = await readRegulator(app.db, callerOf(request), request.query, timeZone);
      const { format } = request.query;
      return format === "json" ? report : sendTable(reply, regulatorTable(report), format);
    },
  );
}
