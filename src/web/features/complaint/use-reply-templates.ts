import { useQuery } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";
import type { ReplyTemplate } from "../../api/types";

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
