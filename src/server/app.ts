import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { BODY_LIMIT_MB, type Config } from "../config.js";
import { connectDatabase, type Database } from "../db/client.js";
import { attachmentRoutes } from "./attachments/attachment.routes.js";
import { assertSameOrigin, identifyCaller } from "./auth/caller.js";
import { historyRoutes } from "./backfill/history.routes.js";
import { type Clock, systemClock } from "./clock.js";
import { complaintRoutes } from "./complaints/complaint.routes.js";
import { deadlineRoutes } from "./complaints/deadline.routes.js";
import { customerMessageTemplateRoutes } from "./customer-messages/customer-message-template.routes.js";
import { customerRoutes } from "./customers/customer.routes.js";
import { identifierLookupRoutes } from "./customers/identifier-lookup.routes.js";
import { exportRoutes } from "./exports/export.routes.js";
import { checklistRoutes } from "./guidance/checklist.routes.js";
import { AppError } from "./http/app-error.js";
import type { App } from "./http/app-types.js";
import { sendProblem } from "./http/error-handler.js";
import { localeFrom } from "./http/locale.js";
import { improvementRoutes } from "./improvement/improvement.routes.js";
import { monthlyAnalysisRoutes } from "./improvement/monthly-analysis.routes.js";
import { inboundMailRoutes } from "./inbound/inbound-mail.routes.js";
import { incidentRoutes } from "./incidents/incident.routes.js";
import { knowledgeRoutes } from "./knowledge/knowledge.routes.js";
import { notificationRoutes } from "./notifications/notification.routes.js";
import { webhookRoutes } from "./notifications/webhook.routes.js";
import { portalRoutes } from "./portal/portal.routes.js";
import { portalIncidentRoutes } from "./portal/portal-incidents.routes.js";
import { qualityCaseRoutes } from "./quality-cases/quality-case.routes.js";
import { qualityDuePolicyRoutes } from "./quality-cases/quality-due-policy.routes.js";
import { qualityEvidenceRoutes } from "./quality-cases/quality-evidence.routes.js";
import { authorityLimitRoutes } from "./remedies/authority-limits.routes.js";
import { remedyRoutes } from "./remedies/remedy.routes.js";
import { replyTemplateRoutes } from "./reply-templates/reply-template.routes.js";
import { dashboardReportRoutes } from "./reports/dashboard.routes.js";
import { reportRoutes } from "./reports/report.routes.js";
import { escalationRiskRoutes } from "./risk/escalation-risk.routes.js";
import { reassignmentRoutes } from "./routing/reassignment.routes.js";
import { skillGroupRoutes } from "./routing/skill-group.routes.js";
import { savedViewRoutes } from "./saved-views/saved-view.routes.js";
import { serviceSettingsRoutes } from "./service-settings/service-settings.routes.js";
import { sessionRoutes } from "./session/session.routes.js";
import { slaAdminRoutes } from "./sla/sla-admin.routes.js";
import { staffRoutes } from "./staff/staff.routes.js";
import { suggestionRoutes } from "./suggestions/suggestion.routes.js";
import { surveyPageRoutes, surveyRoutes } from "./surveys/survey.routes.js";
import { taxonomyRoutes } from "./taxonomy/taxonomy.routes.js";
import { transferSourceRoutes } from "./transfers/transfer-source.routes.js";
import { watcherRoutes } from "./watchers/watchers.routes.js";
import { webAppPlugin } from "./web/web-app.plugin.js";
import { workOrderRoutes } from "./work-orders/work-order.routes.js";

export interface AppOptions {
  config: Config;
  db: Database;
  logger?: FastifyBaseLogger | false;
  /** Folder of the built workbench; defaults to the checkout's `dist/web`. */
  webDir?: string;
  /** The system's time unless a test sets its own. */
  clock?: Clock;
}

/** The whole HTTP application, without listening: tests drive it on a real port of their own. */
export async function buildApp({
  config,
  db,
  logger = false,
  webDir,
  clock = systemClock,
}: AppOptions): Promise<App> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    trustProxy: true,
    bodyLimit: BODY_LIMIT_MB * 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("db", db);
  const replica = config.DATABASE_READ_URL
    ? connectDatabase(config.DATABASE_READ_URL, 4, "kesu-reports")
    : null;
  app.decorate("reportDb", replica?.db ?? null);
  if (replica) app.addHook("onClose", () => replica.pool.end());
  app.decorate("config", config);
  app.decorate("clock", clock);
  app.decorateRequest("caller", null);
  app.decorateRequest("locale", "zh-CN");
  app.setErrorHandler(sendProblem);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(new AppError("not_found", { entity: "endpoint" }), request, reply),
  );

  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: config.KESU_MAX_ATTACHMENT_MB * 1_048_576, files: 1 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "kesu API", version: "1", description: "客诉 complaint management REST API" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "kesu_session" },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  await app.register(
    async (api) => {
      api.addHook("onRequest", async (request) => {
        request.locale = localeFrom(request.headers["accept-language"]);
        request.caller = request.routeOptions.config.ownBearer
          ? null
          : await identifyCaller(db, request);
        if (request.caller?.via === "session") assertSameOrigin(request);
        if (!request.caller && !request.routeOptions.config.public)
          throw new AppError("unauthenticated");
      });
      api.get("/openapi.json", { config: { public: true }, schema: { hide: true } }, () =>
        app.swagger(),
      );
      for (const routes of [
        sessionRoutes,
        staffRoutes,
        taxonomyRoutes,
        customerRoutes,
        identifierLookupRoutes,
        complaintRoutes,
        workOrderRoutes,
        attachmentRoutes,
        notificationRoutes,
        deadlineRoutes,
        slaAdminRoutes,
        webhookRoutes,
        replyTemplateRoutes,
        checklistRoutes,
        watcherRoutes,
        savedViewRoutes,
        remedyRoutes,
        authorityLimitRoutes,
        serviceSettingsRoutes,
        reportRoutes,
        dashboardReportRoutes,
        exportRoutes,
        monthlyAnalysisRoutes,
        improvementRoutes,
        qualityCaseRoutes,
        qualityDuePolicyRoutes,
        qualityEvidenceRoutes,
        escalationRiskRoutes,
        skillGroupRoutes,
        reassignmentRoutes,
        knowledgeRoutes,
        incidentRoutes,
        portalRoutes,
        portalIncidentRoutes,
        surveyRoutes,
        customerMessageTemplateRoutes,
        transferSourceRoutes,
        historyRoutes,
        inboundMailRoutes,
        suggestionRoutes,
      ]) {
        await api.register(routes);
      }
    },
    { prefix: "/api/v1" },
  );
  await app.register(surveyPageRoutes);
  await app.register(webAppPlugin, webDir ? { webDir } : {});
  return app;
}
