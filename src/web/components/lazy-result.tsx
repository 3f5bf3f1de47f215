import type { ResultProps } from "antd";
import { Suspense } from "react";
import { lazyExport } from "./lazy-export";

// antd's Result carries its 403/404/500 illustrations (about 10 KB of gzipped script): fetched
// only when a page is refused or not found, not with every page load.
const Result = lazyExport(() => import("./result"), "Result");

export function LazyResult(props: ResultProps & { "data-testid"?: string }) {
  return (
    <Suspense fallback={null}>
      <Result {...props} />
    </Suspense>
  );
}
