import type { ResultProps } from "antd";
import { lazy, Suspense } from "react";

// antd's Result carries its 403/404/500 illustrations (about 10 KB of gzipped script): fetched
// only when a page is refused or not found, not with every page load.
const Result = lazy(() => import("./result").then((m) => ({ default: m.Result })));

export function LazyResult(props: ResultProps & { "data-testid"?: string }) {
  return (
    <Suspense fallback={null}>
      <Result {...props} />
    </Suspense>
  );
}
