import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { ApiError, api } from "../../api/client";
import { paths } from "../../api/paths";
import type {
  CreateSavedViewInput,
  SavedView,
  UpdateSavedViewInput,
  ViewCount,
  ViewFilters,
} from "../../api/types";
import { cleanFilters } from "./queue-params";

const viewsKey = ["saved-views"];
// Under "complaints", so whatever refreshes the lists after a command refreshes the counts too.
const countsKey = ["complaints", "saved-view-counts"];

export function useSavedViews() {
  return useQuery({
    queryKey: viewsKey,
    queryFn: async () => (await api.get<{ items: SavedView[] }>(paths.savedViews)).items,
  });
}

/** Each view's count by id: `1000+` beyond the server's cap. */
export function useViewCounts(enabled: boolean) {
  return useQuery({
    queryKey: countsKey,
    queryFn: async () => {
      const { items } = await api.get<{ items: (ViewCount & { id: string })[] }>(
        "/saved-views/counts",
      );
      return new Map(items.map((c) => [c.id, c]));
    },
    enabled,
  });
}

export const countText = (count: ViewCount) =>
  count.capped ? `${count.count}+` : `${count.count}`;

export function useViewMutations() {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: viewsKey });
    void client.invalidateQueries({ queryKey: countsKey });
  };
  return {
    create: useMutation({
      mutationFn: (body: CreateSavedViewInput) => api.post<SavedView>("/saved-views", body),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: UpdateSavedViewInput & { id: string }) =>
        api.patch<SavedView>(`/saved-views/${id}`, body),
      // A 409 means someone (another tab) changed it: show the latest.
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (view: SavedView) =>
        api.delete<void>(`/saved-views/${view.id}?version=${view.version}`),
      onSettled: refresh,
    }),
  };
}

/** How the workbench kept views before they lived on the server (localStorage, per user). */
interface LocalView {
  name: string;
  filters: {
    status?: string;
    mine?: boolean;
    departmentId?: string;
    category?: string;
    q?: string;
  };
}
const localKey = (userId: string) => `kesu.queueViews.${userId}`;

function readLocalViews(userId: string): LocalView[] {
  try {
    const stored = JSON.parse(localStorage.getItem(localKey(userId)) ?? "[]");
    return Array.isArray(stored) ? stored : [];
  } catch {
    return [];
  }
}

/** The old queue showed open cases unless a status was picked: the same filters, spelt out. */
function fromLocal({ filters: f }: LocalView): ViewFilters {
  return cleanFilters({
    ...(f.status ? { status: f.status as ViewFilters["status"] } : { open: true }),
    mine: f.mine,
    departmentId: f.departmentId,
    category: f.category,
    q: f.q?.trim(),
  });
}

/**
 * Views saved in this browser by the old workbench move to the server once, then leave the
 * browser. A name already taken on the server is kept as it is there; a network failure leaves
 * them for the next visit.
 */
export function useImportLocalViews(userId: string, ready: boolean, onDone: (n: number) => void) {
  const client = useQueryClient();
  const started = useRef(false);
  useEffect(() => {
    if (!ready || started.current) return;
    const local = readLocalViews(userId);
    if (local.length === 0) return;
    started.current = true;
    void (async () => {
      let moved = 0;
      let retry = false;
      for (const view of local) {
        if (typeof view?.name !== "string" || !view.name.trim()) continue;
        try {
          await api.post("/saved-views", { name: view.name.trim(), filters: fromLocal(view) });
          moved++;
        } catch (error) {
          // Refusals (a taken name, the per-person limit) will not change by trying again.
          if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500)
            retry = true;
        }
      }
      if (!retry) localStorage.removeItem(localKey(userId));
      await client.invalidateQueries({ queryKey: viewsKey });
      await client.invalidateQueries({ queryKey: countsKey });
      if (moved > 0) onDone(moved);
    })();
  }, [userId, ready, client, onDone]);
}
