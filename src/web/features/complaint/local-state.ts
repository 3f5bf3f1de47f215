import { useState } from "react";

/**
 * Per-complaint state kept in this browser only (guided-handling ticks, unsent reply drafts): it
 * survives a lost connection or a reload, but is not shared with colleagues.
 */
export function useLocalState<T>(key: string, initial: T) {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = localStorage.getItem(key);
      return stored === null ? initial : (JSON.parse(stored) as T);
    } catch {
      return initial;
    }
  });
  const set = (next: T | null) => {
    if (next === null) {
      localStorage.removeItem(key);
      setValue(initial);
    } else {
      localStorage.setItem(key, JSON.stringify(next));
      setValue(next);
    }
  };
  return [value, set] as const;
}

export const draftKey = (complaintId: string) => `kesu.draft.${complaintId}.reply`;
