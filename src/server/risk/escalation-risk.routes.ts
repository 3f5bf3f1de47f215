import { settingRoutes } from "../auth/setting-routes.js";
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
  settingRoutes(app, {
    path: "/escalation-words",
    tags,
    summaries: {
      read: "The words that threaten a regulator, the press or a court (越级投诉风险)",
      replace: "Replace the threat word list (admin); open cases are scored again at once",
    },
    shown: escalationWordsSchema,
    body: escalationWordsBody,
    read: async (db) => ({ words: (await riskSettings(db)).words }),
    async replace(tx, caller, { words }, now) {
      return { words: (await changeRiskSettings(tx, caller, { words }, now)).words };
    },
  });
  settingRoutes(app, {
    path: "/escalation-policy",
    tags,
    summaries: {
      read: "The severity a high-risk case is raised to at least",
      replace: "Set the severity floor of high-risk cases (admin); open cases are raised at once",
    },
    shown: escalationPolicySchema,
    body: escalationPolicySchema,
    read: async (db) => ({ highRiskSeverity: (await riskSettings(db)).highRiskSeverity }),
    async replace(tx, caller, { highRiskSeverity }, now) {
      const saved = await changeRiskSettings(tx, caller, { highRiskSeverity }, now);
      return { highRiskSeverity: saved.highRiskSeverity };
    },
  });
}
