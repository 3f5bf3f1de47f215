import { MutationCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ConfigProvider } from "antd";
import zhCN from "antd/es/locale/zh_CN";
import { I18nextProvider, useTranslation } from "react-i18next";
import { ApiError } from "./api/client";
import { FeedbackProvider, toasts } from "./components/feedback";
import { SessionLossWatcher } from "./features/session/session";
import { antdLocale, i18n } from "./i18n/i18n";
import { AppRouter } from "./routes/router";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // 4xx answers will not change by asking again.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status < 500 && error.status > 0) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
  mutationCache: new MutationCache({
    // A refused command says why (the API's localized title); forms handle their own 400s and 409s.
    onError: (error) => {
      // The API's title already says it is refused and why (您没有权限执行此操作：…).
      if (error instanceof ApiError && (error.status === 403 || error.status === 0))
        toasts.error(error.problem.title);
    },
  }),
});

function Localised() {
  // Renders again on a language change, which picks antd's texts.
  useTranslation();
  return (
    <ConfigProvider
      locale={antdLocale() ?? zhCN}
      componentSize="small"
      // antd spaces out two-character Chinese buttons (登 录); agents read and tests match 登录.
      button={{ autoInsertSpace: false }}
      theme={{ token: { borderRadius: 4 } }}
    >
      <FeedbackProvider>
        <SessionLossWatcher />
        <AppRouter />
      </FeedbackProvider>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <Localised />
      </QueryClientProvider>
    </I18nextProvider>
  );
}
