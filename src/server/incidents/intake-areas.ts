import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { complaints, incidents } from "../../db/schema.js";
import { areaKey } from "../../domain/incident/incident.js";
import type { IntakeAreaDto } from "./incident.schemas.js";
import { liveAt } from "./incident-store.js";

/** How many of the newest cases the branches are counted over: recent, and bounded at any size. */
const RECENT_CASES = 5000;
const MOST = 50;

/**
 * What an agent may mean by 被投诉网点/区域: the areas of live incidents first (the callers a
 * notice is for), then the branches the newest cases name most, each once however it is spaced
 * or cased (the incident's spelling wins, else the commonest). Two reads by index: the live
 * incidents are few, the newest cases come from complaints_created_idx.
 */
export async function intakeAreas(db: Database, now: Date): Promise<IntakeAreaDto[]> {
  const [live, recent] = await Promise.all([
    db.execute<{ area: string; n: number }>(sql`
      select area, count(*)::int as n from ${incidents}
      where ${liveAt(now)} and area is not null group by area order by n desc, area`),
    db.execute<{ area: string; n: number }>(sql`
      select btrim(complained_branch) as area, count(*)::int as n
      from (select complained_branch from ${complaints}
            order by created_at desc limit ${RECENT_CASES}) newest
      where btrim(complained_branch) <> '' group by 1 order by n desc, area limit ${MOST * 2}`),
  ]);
  const byKey = new Map<string, IntakeAreaDto>();
  for (const { area, n } of live.rows) {
    const key = areaKey(area);
    const known = key ? byKey.get(key) : undefined;
    if (known) known.liveIncidents += n;
    else if (key) byKey.set(key, { area, liveIncidents: n, cases: 0 });
  }
  for (const { area, n } of recent.rows) {
    const key = areaKey(area);
    const known = key ? byKey.get(key) : undefined;
    if (known) known.cases += n;
    else if (key) byKey.set(key, { area, liveIncidents: 0, cases: n });
  }
  return [...byKey.values()]
    .sort((a, b) => b.liveIncidents - a.liveIncidents || b.cases - a.cases)
    .slice(0, MOST);
}
