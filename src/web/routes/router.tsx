import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { LazyResult } from "../components/lazy-result";
import { Loading, QueryState } from "../components/query-state";
import { SessionProvider, useSessionQuery } from "../features/session/session";
import { PageGate } from "./page-access";
import { layoutModule, routeModules } from "./route-modules";

// Every screen is its own chunk, so a page load fetches the code of the screen asked for and no
// other; the page's first script has already started fetching it (boot/route-data.ts).
// The signed-in frame (header, bell, duty switch, exports) is not part of the login page.
const AppLayout = lazy(() => layoutModule().then((m) => ({ default: m.AppLayout })));
const LoginRoute = lazy(() => routeModules.login().then((m) => ({ default: m.LoginPage })));
const QueueRoute = lazy(() => routeModules.queue().then((m) => ({ default: m.QueueRoute })));
const IntakeRoute = lazy(() => routeModules.intake().then((m) => ({ default: m.IntakePage })));
const HandOverRoute = lazy(() =>
  routeModules.handOver().then((m) => ({ default: m.HandOverPage })),
);
const ComplaintRoute = lazy(() =>
  routeModules.complaint().then((m) => ({ default: m.ComplaintPage })),
);
const InboxRoute = lazy(() => routeModules.inbox().then((m) => ({ default: m.InboxPage })));
const ApprovalsRoute = lazy(() =>
  routeModules.approvals().then((m) => ({ default: m.ApprovalsPage })),
);
const ReportsRoute = lazy(() => routeModules.reports().then((m) => ({ default: m.ReportsPage })));
const AppraisalRoute = lazy(() =>
  routeModules.appraisal().then((m) => ({ default: m.AppraisalPage })),
);
const DashboardRoute = lazy(() =>
  routeModules.dashboard().then((m) => ({ default: m.DashboardPage })),
);
const ImprovementRoute = lazy(() =>
  routeModules.improvement().then((m) => ({ default: m.ImprovementPage })),
);
const QualityBoardRoute = lazy(() =>
  routeModules.quality().then((m) => ({ default: m.QualityBoardPage })),
);
const QualityCaseRoute = lazy(() =>
  routeModules.qualityCase().then((m) => ({ default: m.QualityCasePage })),
);
const KnowledgeRoute = lazy(() =>
  routeModules.knowledge().then((m) => ({ default: m.KnowledgePage })),
);
const KnowledgeArticleRoute = lazy(() =>
  routeModules.knowledgeArticle().then((m) => ({ default: m.ArticlePage })),
);
const IncidentsRoute = lazy(() =>
  routeModules.incidents().then((m) => ({ default: m.IncidentsPage })),
);
const IncidentRoute = lazy(() =>
  routeModules.incident().then((m) => ({ default: m.IncidentPage })),
);
const TransfersRoute = lazy(() =>
  routeModules.transfers().then((m) => ({ default: m.TransferImportPage })),
);
const AdminRoute = lazy(() => routeModules.admin().then((m) => ({ default: m.AdminPage })));

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
