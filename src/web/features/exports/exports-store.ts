import { useSyncExternalStore } from "react";

// Whether the 导出任务 panel is open: the header's button and every 导出 button share it, so
// starting an export shows its progress without the page holding the panel.

let open = false;
const listeners = new Set<() => void>();

export function setExportsOpen(value: boolean) {
  open = value;
  for (const listener of listeners) listener();
}

export function useExportsOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => open,
  );
}
