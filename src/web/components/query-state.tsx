import { Button, Spin } from "antd";
import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useProblemText } from "./feedback";
import { LazyAlert } from "./lazy-alert";

// antd's Empty and its illustration are fetched when a list is empty, not with every page load.
const Empty = lazy(() => import("antd/es/empty").then((m) => ({ default: m.default })));

/** The part of a TanStack Query result (plain or infinite) that QueryState reads. */
interface Query {
  isLoading: boolean;
  error: unknown;
  refetch: () => unknown;
}

interface Props {
  query: Query;
  isEmpty?: boolean;
  emptyText?: string;
  children: ReactNode;
}

/** Loading, error (with the API's localized reason and a retry) and empty states in one place. */
export function QueryState({ query, isEmpty, emptyText, children }: Props) {
  const { t } = useTranslation();
  if (query.isLoading) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty)
    return (
      <Suspense fallback={null}>
        <Empty description={emptyText ?? t("common.empty")} />
      </Suspense>
    );
  return <>{children}</>;
}

/** The spinner a screen shows while its data (or its code) is on the way. */
export function Loading() {
  const { t } = useTranslation();
  return <Spin tip={t("common.loading")} style={{ display: "block", margin: 24 }} />;
}

/** A failed request or command, with the API's localized reason when it gave one. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (
    <LazyAlert
      type="error"
      showIcon
      title={problemText(error)}
      action={onRetry && <Button onClick={onRetry}>{t("common.retry")}</Button>}
    />
  );
}
