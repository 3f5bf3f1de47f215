import { Result } from "antd";
import { lazy } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { AppLayout } from "../components/app-layout";
import { QueryState } from "../components/query-state";
import { QueueRoute } from "../features/queue/queue-page";
import { LoginPage } from "../features/session/login-page";
import { SessionProvider, useSessionQuery } from "../features/session/session";
import { PageGate } from "./page-access";

// Login and the queue are the first page; everything else loads when first opened.
const IntakeRoute = lazy(() =>
  import("../features/intake/intake-page").then((m) => ({ default: m.IntakePage })),
);
const ComplaintRoute = lazy(() =>
  import("../features/complaint/complaint-page").then((m) => ({ default: m.ComplaintPage })),
);
const InboxRoute = lazy(() =>
  import("../features/inbox/inbox-page").then((m) => ({ default: m.InboxPage })),
);
const AdminRoute = lazy(() =>
  import("../features/admin/admin-page").then((m) => ({ default: m.AdminPage })),
);

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title={t("error.notFound")} />;
}

function SignedIn() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isLoading || session.error)
    return (
      <QueryState
        isLoading={session.isLoading}
        error={session.error}
        onRetry={() => void session.refetch()}
      >
        {null}
      </QueryState>
    );
  if (!session.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <SessionProvider user={session.data}>
      <AppLayout />
    </SessionProvider>
  );
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
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
          <Route
            path="/admin"
            element={
              <PageGate page="admin">
                <AdminRoute />
              </PageGate>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
