import { and, eq } from "drizzle-orm";
import { incidents } from "../../db/schema.js";
import type { App } from "../http/app-types.js";
import { publicIncidentList } from "../incidents/incident.schemas.js";
import { liveAt, newestFirst } from "../incidents/incident-store.js";

/**
 * The portal's 服务公告: live incidents a supervisor marked public, in the words meant for
 * customers. Open without signing in, so it says nothing of staff, cases or customers.
 */
export async function portalIncidentRoutes(app: App) {
  app.get(
    "/portal/incidents",
    {
      config: { public: true },
      schema: {
        tags: ["portal"],
        summary: "Public live service incidents (服务公告) for customers",
        response: { 200: publicIncidentList },
      },
    },
    async () => {
      const items = await app.db
        .select({
          id: incidents.id,
          title: incidents.title,
          location: incidents.location,
          customerWording: incidents.customerWording,
          startsAt: incidents.startsAt,
          endsAt: incidents.endsAt,
        })
        .from(incidents)
        .where(and(liveAt(app.clock.now()), eq(incidents.public, true)))
        .orderBy(...newestFirst)
        .limit(50);
      return { items };
    },
  );
}
