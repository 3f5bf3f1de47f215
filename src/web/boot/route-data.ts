import { requestEarly } from "../api/early";
import { paths } from "../api/paths";
import type { TaxonomyList } from "../api/types";
import { defaultFilters, queueParams } from "../features/queue/queue-params";
import { layoutModule, type RouteName, routeModules } from "../routes/route-modules";

/** The screen a path opens (`/` opens the queue), and the case's id on a case page. */
export function routeOf(pathname: string): { route: RouteName; id?: string } | null {
  const [, first = "", id, ...rest] = pathname.split("/");
  if (first === "" || first === "queue") return { route: "queue" };
  if (first === "complaints" && id && rest.length === 0 && /^[0-9a-f-]{36}$/i.test(id))
    return { route: "complaint", id };
  if (first === "quality" && id && rest.length === 0 && /^[0-9a-f-]{36}$/i.test(id))
    return { route: "qualityCase", id };
  if (first === "knowledge" && id && rest.length === 0 && /^[0-9a-f-]{36}$/i.test(id))
    return { route: "knowledgeArticle", id };
  if (first in routeModules && id === undefined) return { route: first as RouteName };
  return null;
}

const high = (path: string) => ({ path, priority: "high" as const });
const low = (path: string) => ({ path, priority: "low" as const });
const labels = (...lists: TaxonomyList[]) => lists.map((list) => low(paths.terms(list)));

/**
 * What a screen reads as it opens, asked for by the page's first script together with the
 * screen's code; the hooks then find the answers already on their way. Only reads that need
 * nothing but the address: the customer's other cases wait for the case, the view counts for the
 * views.
 */
function firstReads(route: RouteName, id?: string) {
  if (route === "login") return [];
  const signedIn = [high(paths.session), low(paths.notifications), low(paths.unreadMustReads)];
  if (route === "complaint" && id)
    return [
      ...signedIn,
      high(paths.complaint(id)),
      high(paths.checklist(id)),
      ...labels("category", "business_type", "cause", "channel"),
    ];
  if (route === "queue")
    return [
      ...signedIn,
      // The queue opens on its default filters; "mine" is not among them, so no user id is needed.
      high(`/complaints?${queueParams(defaultFilters, "")}`),
      high(paths.savedViews),
      ...labels("category"),
      low(paths.departments),
    ];
  if (route === "qualityCase" && id) return [...signedIn, high(paths.qualityCase(id))];
  if (route === "knowledgeArticle" && id) return [...signedIn, high(paths.knowledgeArticle(id))];
  if (route === "quality") return [...signedIn, high(paths.qualityBoard("open"))];
  return signedIn;
}

/** A full page load starts the screen's code and its data at the same moment. */
export function startRoute(pathname: string) {
  const match = routeOf(pathname);
  if (!match) return;
  void routeModules[match.route]();
  if (match.route !== "login") void layoutModule();
  requestEarly(firstReads(match.route, match.id));
}
