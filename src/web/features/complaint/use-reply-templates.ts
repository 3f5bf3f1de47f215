import { useQuery } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";
import type { KnowledgeArticle, ReplyTemplate } from "../../api/types";

/** Admins edit templates rarely; an admin's own edit refreshes every `reply-templates` query. */
const rarely = { staleTime: 5 * 60_000 };

/** The active 话术, ranked by the server: the complaint's category first, then general ones. */
export function useReplyTemplates(category: string | null | undefined) {
  return useQuery({
    queryKey: ["reply-templates", "active", category ?? ""],
    queryFn: () =>
      api
        .get<{ items: ReplyTemplate[] }>(
          `/reply-templates${queryString({ category: category ?? undefined })}`,
        )
        .then((r) => r.items),
    ...rarely,
  });
}

/**
 * The knowledge base's talk tracks (话术 articles) in force, the case's category first: offered in
 * the same picker as the templates, so wording kept in the knowledge base is one click away too.
 */
export function useTalkTracks(category: string | null | undefined) {
  return useQuery({
    queryKey: ["knowledge", "talk-tracks"],
    queryFn: () =>
      api
        .get<{ items: KnowledgeArticle[] }>("/knowledge?kind=talk_track&effective=true&limit=100")
        .then((r) => r.items),
    select: (items) =>
      [...items].sort((a, b) => Number(b.category === category) - Number(a.category === category)),
    ...rarely,
  });
}
