import { callerOf } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import { appraisalQuery, appraisalSchema } from "./appraisal.schemas.js";
import { readAppraisal } from "./appraisal-report.js";
import { appraisalTable } from "./appraisal-table.js";
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
import { answer } from "./report-files.js";
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
    (request, reply) =>
      answer(
        app,
        reply,
        request.query.format,
        (source) => readKpis(source, callerOf(request), request.query, timeZone),
        kpisTable,
      ),
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
    (request, reply) =>
      answer(
        app,
        reply,
        request.query.format,
        (source) => readTrend(source, callerOf(request), request.query, timeZone),
        trendTable,
      ),
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
    (request, reply) =>
      answer(
        app,
        reply,
        request.query.format,
        (source) => readCauses(source, callerOf(request), request.query, timeZone),
        causesTable,
      ),
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
    (request, reply) =>
      answer(
        app,
        reply,
        request.query.format,
        (source) => readRegulator(source, callerOf(request), request.query, timeZone),
        regulatorTable,
      ),
  );

  app.get(
    "/reports/appraisal",
    {
      schema: {
        tags: ["reports"],
        summary: `考核: one agent's or department's KPIs beside the peers' median, with rank and a monthly trend${files}`,
        querystring: appraisalQuery,
        response: fileResponses(appraisalSchema),
      },
    },
    (request, reply) =>
      answer(
        app,
        reply,
        request.query.format,
        (source) => readAppraisal(source, callerOf(request), request.query, timeZone),
        appraisalTable,
      ),
  );
}
