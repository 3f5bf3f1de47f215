import { z } from "zod";
import { satisfactionLevels } from "../../domain/complaint/complaint-lifecycle.js";
import { PORTAL_TEXT_CAP } from "../../domain/portal/portal-rules.js";
import { AppError } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { localeFrom } from "../http/locale.js";
import { answerSurvey, surveyOf } from "./answer-survey.js";
import { surveyPage } from "./survey-page.js";

const tokenParams = z.object({ token: z.string().min(10).max(100) });
const answerBody = z.object({
  satisfaction: z.enum(satisfactionLevels),
  comment: z.string().trim().max(PORTAL_TEXT_CAP).optional(),
});

/** 满意度评价 over the API: GET reads (changes nothing), POST answers once. */
export async function surveyRoutes(app: App) {
  const open = { config: { public: true } };
  app.get(
    "/portal/surveys/:token",
    {
      ...open,
      schema: {
        tags: ["portal"],
        summary: "The survey behind a one-time link (reading it changes nothing)",
        params: tokenParams,
        response: { 200: z.object({ number: z.string(), answered: z.boolean() }) },
      },
    },
    (request) => surveyOf(app.db, request.params.token),
  );
  app.post(
    "/portal/surveys/:token",
    {
      ...open,
      schema: {
        tags: ["portal"],
        summary: "Answer the survey: 满意 / 基本满意 / 不满意 with a comment, once",
        params: tokenParams,
        body: answerBody,
        response: { 200: z.object({ number: z.string(), answered: z.boolean() }) },
      },
    },
    async (request) => {
      await answerSurvey(app.db, request.params.token, request.body, app.clock.now());
      return surveyOf(app.db, request.params.token);
    },
  );
}

/** The link itself, /s/{token}: a page with a plain HTML form, no script needed. */
export async function surveyPageRoutes(app: App) {
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 16_384 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.get("/s/:token", { schema: { hide: true, params: tokenParams } }, async (request, reply) => {
    const locale = localeFrom(request.headers["accept-language"]);
    const survey = await surveyOf(app.db, request.params.token).catch(() => null);
    const state = !survey ? "missing" : survey.answered ? "answered" : "form";
    return reply
      .code(survey ? 200 : 404)
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .send(surveyPage(locale, state, survey?.number));
  });
  app.post("/s/:token", { schema: { hide: true, params: tokenParams } }, async (request, reply) => {
    const locale = localeFrom(request.headers["accept-language"]);
    const answer = answerBody.safeParse(request.body);
    if (!answer.success) return reply.redirect(`/s/${request.params.token}`, 303);
    const state = await answerSurvey(app.db, request.params.token, answer.data, app.clock.now())
      .then(() => "thanks" as const)
      .catch((e: unknown) => {
        if (e instanceof AppError && e.code === "survey_answered") return "answered" as const;
        if (e instanceof AppError && e.status === 404) return "missing" as const;
        throw e;
      });
    return reply
      .code(state === "thanks" ? 200 : state === "answered" ? 409 : 404)
      .type("text/html; charset=utf-8")
      .send(surveyPage(locale, state));
  });
}
