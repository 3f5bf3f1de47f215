import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { lazyExport } from "../components/lazy-export";
import { LazyResult } from "../components/lazy-result";
import { Loading, QueryState } from "../components/query-state";
import { SessionProvider, useSessionQuery } from "../features/session/session";
import { PageGate } from "./page-access";
import { layoutModule, routeModules } from "./route-modules";

// Every screen is its own chunk, so a page load fetches the code of the screen asked for and no
// other; the page's first script has already started fetching it (boot/route-data.ts).
// The signed-in frame (header, bell, duty switch, exports) is not part of the login page.
const AppLayout = lazyExport(layoutModule, "AppLayout");
const LoginRoute = lazyExport(routeModules.login, "LoginPage");
const QueueRoute = lazyExport(routeModules.queue, "QueueRoute");
const IntakeRoute = lazyExport(routeModules.intake, "IntakePage");
const HandOverRoute = lazyExport(routeModules.handOver, "HandOverPage");
const ComplaintRoute = lazyExport(routeModules.complaint, "ComplaintPage");
const InboxRoute = lazyExport(routeModules.inbox, "InboxPage");
const ApprovalsRoute = lazyExport(routeModules.approvals, "ApprovalsPage");
const ReportsRoute = lazyExport(routeModules.reports, "ReportsPage");
const AppraisalRoute = lazyExport(routeModules.appraisal, "AppraisalPage");
const DashboardRoute = lazyExport(routeModules.dashboard, "DashboardPage");
const ImprovementRoute = lazyExport(routeModules.improvement, "ImprovementPage");
const QualityBoardRoute = lazyExport(routeModules.quality, "QualityBoardPage");
const QualityCaseRoute = lazyExport(routeModules.qualityCase, "QualityCasePage");
const KnowledgeRoute = lazyExport(routeModules.knowledge, "KnowledgePage");
const KnowledgeArticleRoute = lazyExport(routeModules.knowledgeArticle, "ArticlePage");
const IncidentsRoute = lazyExport(routeModules.incidents, "IncidentsPage");
const IncidentRoute = lazyExport(routeModules.incident, "IncidentPage");
const TransfersRoute = lazyExport(routeModules.transfers, "TransferImportPage");
const AdminRoute = lazyExport(routeModules.admin, "AdminPage");

const loading = <Loading />;

function NotFound() {
  const { t } = useTranslation();
  return <LazyResult status="404" title={t("error.notFound")} />;
}

function SignedIn() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isLoading || session.error) return <QueryState query={session}>{null}</QueryState>;
  // The query stays: a screen-pop (/intake?phone=…) opened before signing in still pops.
  if (!session.data)
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <SessionProvider user={session.data}>
      <Suspense fallback={loading}>
        <AppLayout />
      </Suspense>
    </SessionProvider>
  );
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="/login"
          element={
            <Suspense fallback={loading}>
              <LoginRoute />
            </Suspense>
          }
        />
        <Route element={<SignedIn />}>
          <Route index element={<Navigate to="/queue" replace />} />
          <Route
            path="/intake"
            element={
              <PageGate page="intake">
                <IntakeRoute />
              </PageGate>
            }
          />
          <Route
            path="/hand-over"
            element={
              <PageGate page="handOver">
                <HandOverRoute />
              </PageGate>
            }
          />
          <Route path="/queue" element={<QueueRoute />} />
          <Route path="/complaints/:id" element={<ComplaintRoute />} />
          <Route
            path="/inbox"
            element={
              <PageGate page="inbox">
                <InboxRoute />
              </PageGate>
            }
          />
          <Route path="/reports" element={<ReportsRoute />} />
          <Route path="/appraisal" element={<AppraisalRoute />} />
          <Route path="/appraisal/:kind/:id" element={<AppraisalRoute />} />
          <Route path="/dashboard" element={<DashboardRoute />} />
          <Route path="/improvement" element={<ImprovementRoute />} />
          <Route
            path="/approvals"
            element={
              <PageGate page="approvals">
                <ApprovalsRoute />
              </PageGate>
            }
          />
          <Route path="/quality" element={<QualityBoardRoute />} />
          <Route path="/quality/:id" element={<QualityCaseRoute />} />
          <Route path="/knowledge" element={<KnowledgeRoute />} />
          <Route path="/knowledge/:id" element={<KnowledgeArticleRoute />} />
          <Route path="/incidents" element={<IncidentsRoute />} />
          <Route path="/incidents/:id" element={<IncidentRoute />} />
          <Route
            path="/admin"
            element={
              <PageGate page="admin">
                <AdminRoute />
              </PageGate>
            }
          />
          <Route
            path="/transfers"
            element={
              <PageGate page="transfers">
                <TransfersRoute />
              </PageGate>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
