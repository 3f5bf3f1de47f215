import type { ModalFuncProps } from "antd";
import { lazy, Suspense, useCallback, useState } from "react";

// A confirm is asked for seldom (deleting a view): antd's Modal (about 9 KB of gzipped script) is
// fetched when one is, not with the page.
const ConfirmHolder = lazy(() => import("./confirm-holder"));

/** `confirm(config)` shows antd's confirm; `holder` goes where the page renders it. */
export function useLazyConfirm() {
  const [config, setConfig] = useState<ModalFuncProps | null>(null);
  const done = useCallback(() => setConfig(null), []);
  const holder = config && (
    <Suspense fallback={null}>
      <ConfirmHolder config={config} onDone={done} />
    </Suspense>
  );
  return { confirm: setConfig, holder };
}
