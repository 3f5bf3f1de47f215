import { Button, Spin } from "antd";
import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { LazyAlert } from "./lazy-alert";

// antd's Empty and its illustration are fetched when a list is empty, not with every page load.
const Empty = lazy(() => import("antd/es/empty").then((m) => ({ default: m.default })));

interface Props {
  isLoading: boolean;
  error: unknown;
  isEmpty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children: ReactNode;
}

/** Loading, error (with the API's localized reason) and empty states in one place. */
export function QueryState({ isLoading, error, isEmpty, emptyText, onRetry, children }: Props) {
  const { t } = useTranslation();
  if (isLoading) return <Spin tip={t("common.loading")} style={{ display: "block", margin: 24 }} />;
  if (error)
    return (
      <LazyAlert
        type="error"
        showIcon
        title={error instanceof ApiError ? error.problem.title : t("error.unknown")}
        action={onRetry && <Button onClick={onRetry}>{t("common.retry")}</Button>}
      />
    );
  if (isEmpty)
    return (
      <Suspense fallback={null}>
        <Empty description={emptyText ?? t("common.empty")} />
      </Suspense>
    );
  return <>{children}</>;
}
