import { useQueryClient } from "@tanstack/react-query";
import { Button, Layout, Space, Typography } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { api } from "../api/client";
import { forgetEarly } from "../api/early";
import { appraisalNav } from "../features/appraisal/appraisal-nav";
import { ExportsHeaderButton } from "../features/exports/exports-header";
import { MustReadBadge, MustReadBanner } from "../features/knowledge/must-read";
import { NotificationBell } from "../features/notifications/notification-bell";
import { DutySwitch } from "../features/routing/duty-switch";
import { useUser } from "../features/session/session";
import "../i18n/format";
import { pageRoles } from "../routes/page-access";
import { LanguageSwitch } from "./language-switch";
import { QueryState } from "./query-state";

export function AppLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  // The header's links as plain anchors: antd's Menu (overflow folding, sub-menus, tooltips) is
  // about 20 KB of gzipped script that four links do not need.
  const items = [
    pageRoles.intake.includes(user.role) ? { to: "/intake", label: t("nav.intake") } : null,
    pageRoles.handOver.includes(user.role) ? { to: "/hand-over", label: t("nav.handOver") } : null,
    { to: "/queue", label: t("nav.queue") },
    pageRoles.inbox.includes(user.role) ? { to: "/inbox", label: t("nav.inbox") } : null,
    pageRoles.approvals.includes(user.role)
      ? { to: "/approvals", label: t("nav.approvals") }
      : null,
    { to: "/reports", label: t("nav.reports") },
    { to: "/appraisal", label: t(appraisalNav(user.role)) },
    // Everyone's figures, scoped as the reports are (an agent's own, a department's).
    { to: "/dashboard", label: t("nav.dashboard") },
    // The month's analysis for those who answer for the figures; everyone's improvement actions.
    { to: "/improvement", label: t("nav.improvement") },
    // Everyone reads the 8Ds (agents too, to answer customers); the team works them.
    { to: "/quality", label: t("nav.quality") },
    { to: "/knowledge", label: t("nav.knowledge") },
    // Supervisors publish; everyone else reads what to tell callers.
    { to: "/incidents", label: t("nav.incidents") },
    pageRoles.transfers.includes(user.role)
      ? { to: "/transfers", label: t("nav.transfers") }
      : null,
    pageRoles.admin.includes(user.role) ? { to: "/admin", label: t("nav.admin") } : null,
  ].filter((item) => item !== null);
  const selected = `/${location.pathname.split("/")[1] ?? ""}`;

  async function signOut() {
    await api.delete("/session").catch(() => undefined);
    client.clear();
    forgetEarly();
    client.setQueryData(["session"], null);
    navigate("/login");
  }

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header className="app-header">
        <Typography.Text strong className="app-brand">
          {t("app.name")}
        </Typography.Text>
        <nav className="app-nav">
          {items.map((item) => (
            <Link
              key={item.to}
              to={item.to}
              className={item.to === selected ? "active" : undefined}
              aria-current={item.to === selected ? "page" : undefined}
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <Space>
          <span className="app-user" data-testid="current-user">
            {user.displayName} · {t("app.agentNo", { no: user.agentNo })}
          </span>
          <DutySwitch />
          <MustReadBadge />
          <NotificationBell />
          <ExportsHeaderButton />
          <LanguageSwitch />
          <Button size="small" onClick={() => void signOut()}>
            {t("app.logout")}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 12 }}>
        <MustReadBanner />
        <Suspense
          fallback={
            <QueryState isLoading error={null}>
              {null}
            </QueryState>
          }
        >
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
