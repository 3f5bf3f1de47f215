import { lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

export interface Toasts {
  success(content: ReactNode): void;
  error(content: ReactNode): void;
  warning(content: ReactNode): void;
}
type Toast = { kind: keyof Toasts; content: ReactNode };

const waiting: Toast[] = [];
let shown: ((toast: Toast) => void) | null = null;
let wanted: (() => void) | null = null;

function show(toast: Toast) {
  if (shown) shown(toast);
  else {
    waiting.push(toast);
    wanted?.();
  }
}

/** Toasts in the app's theme and language, from anywhere (the query client's refusals too). */
export const toasts: Toasts = {
  success: (content) => show({ kind: "success", content }),
  error: (content) => show({ kind: "error", content }),
  warning: (content) => show({ kind: "warning", content }),
};

/** For the holder (toast-holder.tsx): takes the toasts from now on, and those said before it came. */
export function connectToasts(to: ((toast: Toast) => void) | null) {
  shown = to;
  if (to) for (const toast of waiting.splice(0)) to(toast);
}

const ToastHolder = lazy(() => import("./toast-holder"));

/**
 * Mounts antd's message holder when the first toast is said: its notification machinery (about
 * 8 KB of gzipped script) is no part of painting a page. Not antd's App, which also mounts the
 * notification and modal machinery on every page for the one confirm the queue shows.
 */
export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [holder, setHolder] = useState(waiting.length > 0);
  useEffect(() => {
    wanted = () => setHolder(true);
    if (waiting.length > 0) setHolder(true);
    return () => {
      wanted = null;
    };
  }, []);
  return (
    <>
      {holder && (
        <Suspense fallback={null}>
          <ToastHolder />
        </Suspense>
      )}
      {children}
    </>
  );
}

export function useMessage(): Toasts {
  return toasts;
}

/** Why a request failed, to show the user: the API's title in their language, or that it failed. */
export function useProblemText() {
  const { t } = useTranslation();
  return (error: unknown) => (error instanceof ApiError ? error.problem.title : t("error.unknown"));
}

/** Toasts why a request failed (see `useProblemText`): for a command with no form to show it in. */
export function useRefusalToast() {
  const problemText = useProblemText();
  return (error: unknown) => toasts.error(problemText(error));
}
