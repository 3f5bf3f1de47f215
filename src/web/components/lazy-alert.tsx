import type { AlertProps } from "antd";
import { lazy, Suspense } from "react";

// An alert (a refusal, an expired session) is not what a page paints first: antd's Alert and its
// icons (about 4 KB of gzipped script) are fetched when one is shown, not with every page load.
const Alert = lazy(() => import("antd/es/alert").then((m) => ({ default: m.default })));

export function LazyAlert(props: AlertProps) {
  return (
    <Suspense fallback={null}>
      <Alert {...props} />
    </Suspense>
  );
}
