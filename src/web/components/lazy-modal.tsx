import type { ModalProps } from "antd";
import { lazy, Suspense, useState } from "react";

// antd's Modal (about 9 KB of gzipped script) is fetched when a dialog first opens, not with the
// page that offers it: the case page's dialogs, the queue's, the admin editors'.
const Modal = lazy(() => import("antd/es/modal"));

/** antd's Modal, loaded on its first opening; from then on the same as antd's. */
export function LazyModal(props: ModalProps) {
  const wanted = Boolean(props.open || props.forceRender);
  const [loaded, setLoaded] = useState(wanted);
  if (wanted && !loaded) setLoaded(true);
  if (!loaded && !wanted) return null;
  return (
    <Suspense fallback={null}>
      <Modal {...props} />
    </Suspense>
  );
}
