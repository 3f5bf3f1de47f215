import { actingOf, callerOf } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { showing } from "../http/showing.js";
import { changeStep } from "./commands/change-step.js";
import { linkComplaints } from "./commands/link-complaints.js";
import { openQualityCase } from "./commands/open-quality-case.js";
import { remindStep } from "./commands/remind-step.js";
import { listQualityCases, loadQualityCase, teamNames } from "./quality-case.presenter.js";
import {
  linkBody,
  listQuery,
  openBody,
  qualityCaseListSchema,
  qualityCaseSchema,
  remindBody,
  saveStepBody,
  sendBackBody,
  stepParams,
  versionBody,
} from "./quality-case.schemas.js";
import { qualityReportPdf } from "./quality-report.js";

/** 质量8D: quality cases opened from complaints and worked in eight disciplines. */
export async function qualityCaseRoutes(app: App) {
  const tags = ["quality cases (8D)"];
  const qualityCase = showing((caller, id) => loadQualityCase(app.db, id, caller));

  app.post(
    "/quality-cases",
    {
      schema: {
        tags,
        summary: "Open an 8D (质量问题) from one or more complaints; numbered 8D-2026-0001",
        body: openBody,
        response: { 201: qualityCaseSchema },
      },
    },
    (request, reply) =>
      qualityCase.created(actingOf(request), reply, (acting) =>
        openQualityCase(acting, request.body),
      ),
  );

  app.get(
    "/quality-cases",
    {
      schema: {
        tags,
        summary: "The 质量8D board: cases with their current step, overdue first",
        querystring: listQuery,
        response: { 200: qualityCaseListSchema },
      },
    },
    async (request) => {
      callerOf(request);
      return listQualityCases(app.db, request.query.status);
    },
  );

  app.get(
    "/quality-cases/:id",
    {
      schema: {
        tags,
        summary: "An 8D: its disciplines, linked complaints and timeline",
        params: idParams,
        response: { 200: qualityCaseSchema },
      },
    },
    (request) => loadQualityCase(app.db, request.params.id, callerOf(request)),
  );

  app.get(
    "/quality-cases/:id/report.pdf",
    {
      schema: {
        tags,
        summary: "The 8D report as PDF, in Chinese (text selectable), with the fishbone",
        params: idParams,
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const c = await loadQualityCase(app.db, request.params.id, callerOf(request));
      const pdf = await qualityReportPdf(c, await teamNames(app.db, c), app.config.KESU_TIMEZONE);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${c.number}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    "/quality-cases/:id/complaints",
    {
      schema: {
        tags,
        summary: "Link more complaints to an 8D (a complaint belongs to at most one)",
        params: idParams,
        body: linkBody,
        response: { 200: qualityCaseSchema },
      },
    },
    (request) =>
      qualityCase.changed(actingOf(request), request.params.id, (acting) =>
        linkComplaints(acting, request.params.id, request.body.complaintIds),
      ),
  );

  app.put(
    "/quality-cases/:id/steps/:discipline",
    {
      schema: {
        tags,
        summary: "Save a discipline's record (and owner) on the version read; 409 if it moved on",
        params: stepParams,
        body: saveStepBody,
        response: { 200: qualityCaseSchema },
      },
    },
    (request) =>
      qualityCase.changed(actingOf(request), request.params.id, (acting) =>
        changeStep(acting, request.params.id, request.params.discipline, {
          command: "edit",
          ...request.body,
        }),
      ),
  );

  const decisions = [
    [
      "submit",
      "submit",
      "Submit a discipline: the steps it depends on must be approved (D3 may run ahead)",
    ],
    [
      "approve",
      "approve",
      "Approve a submitted discipline (champion, quality, supervisor or admin); stops its clock",
    ],
    ["send-back", "send_back", "Send a submitted discipline back with a comment"],
  ] as const;
  for (const [path, command, summary] of decisions)
    app.post(
      `/quality-cases/:id/steps/:discipline/${path}`,
      {
        schema: {
          tags,
          summary,
          params: stepParams,
          body: command === "send_back" ? sendBackBody : versionBody,
          response: { 200: qualityCaseSchema },
        },
      },
      (request) =>
        qualityCase.changed(actingOf(request), request.params.id, (acting) =>
          changeStep(acting, request.params.id, request.params.discipline, {
            command,
            ...(request.body as { version: number; comment?: string }),
          }),
        ),
    );

  app.post(
    "/quality-cases/:id/steps/:discipline/remind",
    {
      schema: {
        tags,
        summary: "催办: press the step's owner, with a note (those who may approve the step)",
        params: stepParams,
        body: remindBody,
        response: { 200: qualityCaseSchema },
      },
    },
    (request) =>
      qualityCase.changed(actingOf(request), request.params.id, (acting) =>
        remindStep(acting, request.params.id, request.params.discipline, request.body.note ?? null),
      ),
  );
}
