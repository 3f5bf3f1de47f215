// Every screen's code, loaded when first needed. The router's lazy pages, the first request of a
// full page load (boot/route-data.ts) and a hovered link all call these, so a screen's chunk is
// fetched once, and as early as anything knows it will be shown.
import { registerPageCode } from "./page-code";

export const routeModules = {
  login: () => import("../features/session/login-page"),
  queue: () => import("../features/queue/queue-page"),
  complaint: () => import("../features/complaint/complaint-page"),
  intake: () => import("../features/intake/intake-page"),
  handOver: () => import("../features/intake/hand-over-page"),
  inbox: () => import("../features/inbox/inbox-page"),
  approvals: () => import("../features/approvals/approvals-page"),
  reports: () => import("../features/reports/reports-page"),
  appraisal: () => import("../features/appraisal/appraisal-page"),
  dashboard: () => import("../features/dashboard/dashboard-page"),
  improvement: () => import("../features/improvement/improvement-page"),
  admin: () => import("../features/admin/admin-page"),
  transfers: () => import("../features/transfers/transfer-import-page"),
  quality: () => import("../features/quality/quality-board-page"),
  qualityCase: () => import("../features/quality/quality-case-page"),
  knowledge: () => import("../features/knowledge/knowledge-page"),
  knowledgeArticle: () => import("../features/knowledge/article-page"),
  incidents: () => import("../features/incidents/incidents-page"),
  incident: () => import("../features/incidents/incident-page"),
};

/** The header and frame of every signed-in screen, fetched beside the screen's own code. */
export const layoutModule = () => import("../components/app-layout");

export type RouteName = keyof typeof routeModules;

registerPageCode({ ...routeModules, layout: layoutModule });
