import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";
import { paths } from "../../api/paths";
import type { Checklist, Complaint, ComplaintListItem, Page } from "../../api/types";
import { preloadPageCode } from "../../routes/page-code";

// The reads of a case page, one definition each for the page that shows them and the links that
// fetch them ahead (a hovered row, the next case in the queue), so a prefetched case is the
// page's own cache entry.

export const complaintQuery = (id: string) =>
  queryOptions({
    queryKey: ["complaint", id],
    queryFn: () => api.get<Complaint>(paths.complaint(id)),
  });

export const checklistQuery = (id: string) =>
  queryOptions({
    queryKey: ["checklist", id],
    queryFn: () => api.get<Checklist>(paths.checklist(id)),
  });

/** The customer's cases (the page lists them beside the case); under "complaints", so a command refreshes them. */
export const customerCasesQuery = (customerId: string) =>
  queryOptions({
    queryKey: ["complaints", { customerId }],
    queryFn: () =>
      api.get<Page<ComplaintListItem>>(`/complaints${queryString({ customerId, limit: 10 })}`),
  });

/**
 * Everything the case page will read, fetched now unless the cache holds it fresh: the page's code,
 * the case and its checklist, then the customer's other cases. Opening the case then shows it at once.
 */
export async function prefetchCase(client: QueryClient, id: string) {
  preloadPageCode("complaint");
  void client.prefetchQuery(checklistQuery(id));
  await client.prefetchQuery(complaintQuery(id));
  const complaint = client.getQueryData(complaintQuery(id).queryKey);
  if (complaint) await client.prefetchQuery(customerCasesQuery(complaint.customer.id));
}
