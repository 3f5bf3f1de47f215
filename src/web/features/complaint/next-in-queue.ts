import { type InfiniteData, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ComplaintListItem, Page } from "../../api/types";
import { prefetchCase } from "./complaint-query";

/**
 * The case after this one in the queue the agent works through (the latest queue list that holds
 * it), or null when the case was not opened from a queue or is its last.
 */
export function useNextInQueue(id: string): ComplaintListItem | null {
  const client = useQueryClient();
  const lists = client
    .getQueryCache()
    .findAll({ queryKey: ["complaints", "queue"] })
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt);
  for (const list of lists) {
    const data = list.state.data as InfiniteData<Page<ComplaintListItem>> | undefined;
    const items = data?.pages.flatMap((page) => page.items) ?? [];
    const at = items.findIndex((item) => item.id === id);
    if (at >= 0) return items[at + 1] ?? null;
  }
  return null;
}

/**
 * Once this case is on screen and the browser is idle, the next one is fetched, so moving on to it
 * shows it at once.
 */
export function usePrefetchNext(next: ComplaintListItem | null, shown: boolean) {
  const client = useQueryClient();
  const nextId = next?.id;
  useEffect(() => {
    if (!nextId || !shown) return;
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
    const cancel = window.cancelIdleCallback ?? clearTimeout;
    const handle = idle(() => void prefetchCase(client, nextId));
    return () => cancel(handle);
  }, [client, nextId, shown]);
}
