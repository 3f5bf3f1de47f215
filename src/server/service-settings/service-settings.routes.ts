import { serviceSettings } from "../../db/schema.js";
import { settingRoutes } from "../auth/setting-routes.js";
import type { App } from "../http/app-types.js";
import { serviceSettingsSchema } from "./service-settings.schemas.js";
import { loadServiceSettings, SETTINGS_ID } from "./service-settings.store.js";

/** 服务设置: read by every signed-in person (the case page follows them), set by admins. */
export async function serviceSettingsRoutes(app: App) {
  settingRoutes(app, {
    path: "/service-settings",
    tags: ["service settings"],
    summaries: {
      read: "Who may record the follow-up visit, and how many failed tries make 'unreachable'",
      replace: "Replace the service settings (admin, audited)",
    },
    shown: serviceSettingsSchema,
    body: serviceSettingsSchema,
    read: loadServiceSettings,
    audit: { entity: "service_settings", id: SETTINGS_ID },
    async replace(tx, _caller, after, now) {
      await tx
        .insert(serviceSettings)
        .values({ id: SETTINGS_ID, ...after })
        .onConflictDoUpdate({ target: serviceSettings.id, set: { ...after, updatedAt: now } });
      return after;
    },
  });
}
