import { canManageStaff } from "../../domain/access/roles.js";
import { callerOf, callerWith } from "../auth/caller.js";
import { riskSettings } from "../case/case-risk.js";
import type { App } from "../http/app-types.js";
import {
  escalationPolicySchema,
  escalationWordsBody,
  escalationWordsSchema,
} from "./escalation-risk.schemas.js";
import { changeRiskSettings } from "./escalation-settings.js";

/** 越级投诉风险's settings: everyone reads them (the reasons cite them), admins set them. */
export async function escalationRiskRoutes(app: App) {
  const tags = ["escalation risk"];
  app.get(
    "/escalation-words",
    {
      schema: {
        tags,
        summary: "The words that threaten a regulator, the press or a court (越级投诉风险)",
        response: { 200: escalationWordsSchema },
      },
    },
    async (request) => {
      callerOf(request);
      return { words: (await riskSettings(app.db)).words };
    },
  );

  app.put(
    "/escalation-words",
    {
      schema: {
        tags,
        summary: "Replace the threat word list (admin); open cases are scored again at once",
        body: escalationWordsBody,
        response: { 200: escalationWordsSchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canManageStaff);
      const saved = await app.db.transaction((tx) =>
        changeRiskSettings(tx, caller, { words: request.body.words }, app.clock.now()),
      );
      return { words: saved.words };
    },
  );

  app.get(
    "/escalation-policy",
    {
      schema: {
        tags,
        summary: "The severity a high-risk case is raised to at least",
        response: { 200: escalationPolicySchema },
      },
    },
    async (request) => {
      callerOf(request);
      return { highRiskSeverity: (await riskSettings(app.db)).highRiskSeverity };
    },
  );

  app.put(
    "/escalation-policy",
    {
      schema: {
        tags,
        summary: "Set the severity floor of high-risk cases (admin); open cases are raised at once",
        body: escalationPolicySchema,
        response: { 200: escalationPolicySchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canManageStaff);
      const saved = await app.db.transaction((tx) =>
        changeRiskSettings(tx, caller, request.body, app.clock.now()),
      );
      return { highRiskSeverity: saved.highRiskSeverity };
    },
  );
}
