import { message } from "antd";
import type { MessageInstance } from "antd/es/message/interface";
import { createContext, type ReactNode, useContext } from "react";

const MessageContext = createContext<MessageInstance | null>(null);

/**
 * Toasts in the app's theme and language. Not antd's App, which also mounts the notification and
 * modal machinery on every page (about 15 KB of gzipped script) for the one confirm the queue shows.
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [api, holder] = message.useMessage();
  return (
    <MessageContext.Provider value={api}>
      {holder}
      {children}
    </MessageContext.Provider>
  );
}

export function useMessage(): MessageInstance {
  const api = useContext(MessageContext);
  if (!api) throw new Error("useMessage outside FeedbackProvider");
  return api;
}
