import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";
import { paths } from "../../api/paths";
import type { KnowledgeArticle, KnowledgeArticleDetail } from "../../api/types";

export type ArticleFilters = { q?: string; kind?: KnowledgeArticle["kind"] };

/** Every knowledge query starts with this key, so a save or a read receipt refreshes them all. */
const root = "knowledge";

export function useArticles(filters: ArticleFilters) {
  return useQuery({
    queryKey: [root, "list", filters],
    queryFn: () =>
      api
        .get<{ items: KnowledgeArticle[] }>(`/knowledge${queryString(filters)}`)
        .then((r) => r.items),
  });
}

export function useArticle(id: string) {
  return useQuery({
    queryKey: [root, "article", id],
    queryFn: () => api.get<KnowledgeArticleDetail>(paths.knowledgeArticle(id)),
  });
}

/** Must-read updates not read yet: polled like the bell, so a new one shows within minutes. */
export function useUnreadMustReads() {
  return useQuery({
    queryKey: [root, "unread"],
    queryFn: () =>
      api.get<{ items: KnowledgeArticle[] }>(paths.unreadMustReads).then((r) => r.items),
    refetchInterval: 120_000,
  });
}

/** Articles in force for the case, best first (GET /knowledge/suggestions). */
export function useSuggestions(complaintId: string | undefined) {
  return useQuery({
    queryKey: [root, "suggestions", complaintId],
    enabled: complaintId !== undefined,
    queryFn: () =>
      api
        .get<{ items: KnowledgeArticle[] }>(`/knowledge/suggestions?complaintId=${complaintId}`)
        .then((r) => r.items),
    staleTime: 60_000,
  });
}

export function useRefreshKnowledge() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [root] });
}
