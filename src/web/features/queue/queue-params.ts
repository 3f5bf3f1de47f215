import type { ViewFilters } from "../../api/types";

// The queue's filters and the list request they make: pure, so that a full page load of /queue
// asks for the first page before the queue's code has arrived (boot/route-data.ts).

/** The queue as it opens: every case still being worked, due first. */
export const defaultFilters: ViewFilters = { open: true };

/** Rows per page of the queue. */
export const QUEUE_PAGE = 50;

/** The list's query string for a view's filters: `mine` is the signed-in user. */
export function listParams(filters: ViewFilters, userId: string): URLSearchParams {
  const params = new URLSearchParams();
  const { mine, ...rest } = filters;
  if (mine) params.set("ownerId", userId);
  for (const [key, value] of Object.entries(rest))
    for (const one of [value].flat())
      if (one !== undefined && one !== "") params.append(key, String(one));
  return params;
}

/** Filters without empty entries, so a saved view holds only what narrows it. */
export function cleanFilters(filters: ViewFilters): ViewFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(
      ([, v]) => v !== undefined && v !== "" && v !== false && !(Array.isArray(v) && !v.length),
    ),
  ) as ViewFilters;
}

/** Same filters, whatever the key order. */
export function sameFilters(a: ViewFilters, b: ViewFilters): boolean {
  const canonical = (f: ViewFilters) =>
    JSON.stringify(Object.entries(cleanFilters(f)).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}

/**
 * The queue's list request for these filters, a page at a time (without a cursor): due first, or
 * the latest first when the filters ask for missed or warned deadlines (`sla`); the highest
 * escalation risk first (then due) when the 越级风险 header is sorted on (`byRisk`).
 */
export function queueParams(filters: ViewFilters, userId: string, byRisk = false): URLSearchParams {
  const clean = cleanFilters(filters);
  const params = listParams(clean, userId);
  params.set("sort", byRisk ? "risk" : clean.sla ? "late" : "due");
  params.set("limit", String(QUEUE_PAGE));
  return params;
}

/** What a report's drill-down adds to the queue's own filters (the list's report filters). */
export const reportFilterKeys = [
  "receivedFrom",
  "receivedTo",
  "cause",
  "leadDepartmentId",
  "satisfaction",
] as const;

const flagKeys = ["open", "team", "mine"] as const;
const manyKeys = ["status", "sla", "riskLevel", "satisfaction"];
const linkKeys = new Set<string>([
  ...flagKeys,
  ...reportFilterKeys,
  "status",
  "kind",
  "ownerId",
  "departmentId",
  "category",
  "customerId",
  "sla",
  "riskLevel",
  "q",
]);

/**
 * The filters a link into the queue carries (`/queue?cause=…&receivedFrom=…`, as the dashboard
 * opens it), the saved views' keys only; null for a plain `/queue`.
 */
export function filtersFromSearch(search: string): ViewFilters | null {
  const params = new URLSearchParams(search);
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    if (!linkKeys.has(key)) continue;
    const values = params.getAll(key);
    if ((flagKeys as readonly string[]).includes(key)) out[key] = values[0] === "true";
    else out[key] = manyKeys.includes(key) ? values : values[0];
  }
  return Object.keys(out).length ? (out as ViewFilters) : null;
}

/** The queue's address for these filters: what `filtersFromSearch` reads back. */
export function queueLink(filters: ViewFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(cleanFilters(filters)))
    for (const one of [value].flat()) params.append(key, String(one));
  return `/queue?${params}`;
}
