import { useState } from "react";

export interface QueueFilters {
  status?: string;
  mine?: boolean;
  departmentId?: string;
  category?: string;
  q?: string;
}

export interface SavedView {
  name: string;
  filters: QueueFilters;
}

const KEY = "kesu.queueViews";

/** Saved views live in this browser's localStorage (per user id) until there is a server-side home. */
export function useSavedViews(userId: string) {
  const key = `${KEY}.${userId}`;
  const [views, setViews] = useState<SavedView[]>(() => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? "[]") as SavedView[];
    } catch {
      return [];
    }
  });
  const persist = (next: SavedView[]) => {
    setViews(next);
    localStorage.setItem(key, JSON.stringify(next));
  };
  return {
    views,
    save: (view: SavedView) => persist([...views.filter((v) => v.name !== view.name), view]),
    remove: (name: string) => persist(views.filter((v) => v.name !== name)),
  };
}
