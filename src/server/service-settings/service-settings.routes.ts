import { serviceSettings } from "../../db/schema.js";
import { canManageStaff } from "../../domain/access/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import { callerOf, callerWith } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import { serviceSettingsSchema } from "./service-settings.schemas.js";
import { loadServiceSettings, SETTINGS_ID } from "./service-settings.store.js";

/** 服务设置: read by every signed-in person (the case page follows them), set by admins. */
export async function serviceSettingsRoutes(app: App) {
  const tags = ["service settings"];
  app.get(
    "/service-settings",
    {
      schema: {
        tags,
        summary: "Who may record the follow-up visit, and how many failed tries make 'unreachable'",
        response: { 200: serviceSettingsSchema },
      },
    },
    async (request) => {
      callerOf(request);
      return loadServiceSettings(app.db);
    },
  );

  app.put(
    "/service-settings",
    {
      schema: {
        tags,
        summary: "Replace the service settings (admin, audited)",
        body: serviceSettingsSchema,
        response: { 200: serviceSettingsSchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canManageStaff);
      return app.db.transaction(async (tx) => {
        const before = await loadServiceSettings(tx);
        const after = request.body;
        await tx
          .insert(serviceSettings)
          .values({ id: SETTINGS_ID, ...after })
          .onConflictDoUpdate({
            target: serviceSettings.id,
            set: { ...after, updatedAt: app.clock.now() },
          });
        await recordAudit(tx, caller, "update", "service_settings", SETTINGS_ID, { before, after });
        return after;
      });
    },
  );
}
