import { useQueryClient } from "@tanstack/react-query";
import { Button, Layout, Menu, Space, Typography } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { api } from "../api/client";
import { NotificationBell } from "../features/notifications/notification-bell";
import { useUser } from "../features/session/session";
import { pageRoles } from "../routes/page-access";
import { LanguageSwitch } from "./language-switch";
import { QueryState } from "./query-state";

export function AppLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const items = [
    pageRoles.intake.includes(user.role)
      ? { key: "/intake", label: <Link to="/intake">{t("nav.intake")}</Link> }
      : null,
    { key: "/queue", label: <Link to="/queue">{t("nav.queue")}</Link> },
    pageRoles.inbox.includes(user.role)
      ? { key: "/inbox", label: <Link to="/inbox">{t("nav.inbox")}</Link> }
      : null,
    pageRoles.admin.includes(user.role)
      ? { key: "/admin", label: <Link to="/admin">{t("nav.admin")}</Link> }
      : null,
  ].filter((item) => item !== null);
  const selected = `/${location.pathname.split("/")[1] ?? ""}`;

  async function signOut() {
    await api.delete("/session").catch(() => undefined);
    client.clear();
    client.setQueryData(["session"], null);
    navigate("/login");
  }

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header className="app-header">
        <Typography.Text strong className="app-brand">
          {t("app.name")}
        </Typography.Text>
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={[selected]}
          items={items}
          style={{ flex: 1 }}
        />
        <Space>
          <span className="app-user" data-testid="current-user">
            {user.displayName} · {t("app.agentNo", { no: user.agentNo })}
          </span>
          <NotificationBell />
          <LanguageSwitch />
          <Button size="small" onClick={() => void signOut()}>
            {t("app.logout")}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 12 }}>
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
