import { canCreateComplaints, canManageStaff } from "../../domain/access/roles.js";
import { callerWith } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import { suggestionWindow, trainSuggestionModel } from "./commands/train-model.js";
import { modelSummarySchema, suggestBody, suggestionsSchema } from "./suggestion.schemas.js";
import { modelSummary, suggestionsFor } from "./suggestion-store.js";

const tags = ["suggestions"];

export async function suggestionRoutes(app: App) {
  app.post(
    "/suggestions",
    {
      schema: {
        tags,
        summary:
          "The likeliest category, cause, business type and department of a new complaint's text, learned from closed cases",
        body: suggestBody,
        response: { 200: suggestionsSchema },
      },
    },
    async (request) => {
      callerWith(request, canCreateComplaints);
      return suggestionsFor(app.db, request.body.text, request.locale);
    },
  );

  app.get(
    "/suggestions/model",
    {
      schema: {
        tags,
        summary: "The model in use: its held-out accuracy per field beside the baseline (admin)",
        response: { 200: modelSummarySchema },
      },
    },
    async (request) => {
      callerWith(request, canManageStaff);
      return modelSummary(app.db);
    },
  );

  app.post(
    "/suggestions/model",
    {
      schema: {
        tags,
        summary: "Retrain now on the closed cases, without waiting for the night (admin)",
        response: { 201: modelSummarySchema },
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canManageStaff);
      await trainSuggestionModel({
        db: app.db,
        now: app.clock.now(),
        window: suggestionWindow(app.config),
        caller,
      });
      return reply.code(201).send(await modelSummary(app.db));
    },
  );
}
