import type { TaxonomyList } from "./types";

/**
 * The API paths the workbench reads, shared by the hooks that read them and by the requests a full
 * page load starts before the app's code has arrived (`boot/route-data.ts`): an answer is only
 * reused when the path is the same, so both must spell it alike.
 */
export const paths = {
  session: "/session",
  notifications: "/notifications?limit=20",
  departments: "/departments",
  savedViews: "/saved-views",
  complaint: (id: string) => `/complaints/${id}`,
  checklist: (id: string) => `/complaints/${id}/checklist`,
  terms: (list: TaxonomyList) => `/taxonomies/${list}`,
  qualityBoard: (status: "open" | "closed" | "all") => `/quality-cases?status=${status}`,
  qualityCase: (id: string) => `/quality-cases/${id}`,
  /** Must-read updates the signed-in person has not read: the header's badge and banner. */
  unreadMustReads: "/knowledge?unread=true",
  knowledgeArticle: (id: string) => `/knowledge/${id}`,
};
