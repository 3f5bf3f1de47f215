import { useQueryClient } from "@tanstack/react-query";
import { Button, Layout, Space, Typography } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useNavigate } from "react-router";
import { api } from "../api/client";
import { forgetEarly } from "../api/early";
import { ExportsHeaderButton } from "../features/exports/exports-header";
import { MustReadBadge, MustReadBanner } from "../features/knowledge/must-read";
import { NotificationBell } from "../features/notifications/notification-bell";
import { DutySwitch } from "../features/routing/duty-switch";
import { useUser } from "../features/session/session";
import "../i18n/format";
import { HeaderNav } from "./header-nav";
import { LanguageSwitch } from "./language-switch";
import { Loading } from "./query-state";

export function AppLayout() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const client = useQueryClient();

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
        <HeaderNav />
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
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
