import { Modal, type ModalFuncProps } from "antd";
import { useEffect, useRef } from "react";

/** antd's confirm, shown once when mounted (components/lazy-confirm.tsx loads it on demand). */
export default function ConfirmHolder({
  config,
  onDone,
}: {
  config: ModalFuncProps;
  onDone: () => void;
}) {
  const [modal, holder] = Modal.useModal();
  const shown = useRef(false);
  useEffect(() => {
    if (shown.current) return;
    shown.current = true;
    modal.confirm({ ...config, afterClose: onDone });
  }, [modal, config, onDone]);
  return holder;
}
