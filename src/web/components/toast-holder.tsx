import { message } from "antd";
import { useEffect } from "react";
import { connectToasts } from "./feedback";

/** antd's message holder, loaded with the first toast (components/feedback.tsx). */
export default function ToastHolder() {
  const [api, holder] = message.useMessage();
  useEffect(() => {
    connectToasts((toast) => void api[toast.kind](toast.content));
    return () => connectToasts(null);
  }, [api]);
  return holder;
}
