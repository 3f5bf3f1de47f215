import { Alert, Button, Empty, Spin } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

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
      <Alert
        type="error"
        showIcon
        title={error instanceof ApiError ? error.problem.title : t("error.unknown")}
        action={onRetry && <Button onClick={onRetry}>{t("common.retry")}</Button>}
      />
    );
  if (isEmpty) return <Empty description={emptyText ?? t("common.empty")} />;
  return <>{children}</>;
}
