import { useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { ApiError, api } from "../../api/client";
import { forgetEarly } from "../../api/early";
import type { SessionAnswer } from "../../api/types";
import { Card } from "../../components/card";
import { LanguageSwitch } from "../../components/language-switch";
import { LazyAlert as Alert } from "../../components/lazy-alert";
import { preloadPageCode } from "../../routes/page-code";
import { setCenterTimeZone } from "./center-day";
import { takeExpiredNotice } from "./session";

export function LoginPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  // A screen-pop opened before signing in (/intake?phone=…&callId=…) still opens on the call.
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  const screenPop = typeof from === "string" && from.startsWith("/intake?") ? from : null;
  const [expired] = useState(takeExpiredNotice);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signIn(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    // The signed-in frame is not part of this page: fetched while the sign-in is answered.
    preloadPageCode("layout");
    try {
      const { user, center } = await api.post<SessionAnswer>("/session", values);
      setCenterTimeZone(center.timeZone);
      preloadPageCode(
        screenPop ? "intake" : user.role === "department_handler" ? "inbox" : "queue",
      );
      // The previous user's cached lists must not leak into this session.
      client.clear();
      forgetEarly();
      client.setQueryData(["session"], user);
      navigate(screenPop ?? (user.role === "department_handler" ? "/inbox" : "/queue"), {
        replace: true,
      });
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.title : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-screen">
      <Card title={t("login.title")} extra={<LanguageSwitch />} style={{ width: 360 }}>
        {expired && <Alert type="warning" showIcon title={t("login.expired")} />}
        {error && <Alert type="error" showIcon title={error} />}
        <Form layout="vertical" onFinish={signIn} requiredMark={false} style={{ marginTop: 12 }}>
          <Form.Item name="username" label={t("login.username")} rules={[{ required: true }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t("login.password")} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("login.submit")}
          </Button>
        </Form>
        {/* Plain text rather than antd's Typography, which this page would load for these words alone. */}
        <span className="login-footnote">kesu 客诉</span>
      </Card>
    </div>
  );
}
