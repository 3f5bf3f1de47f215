import type { Database } from "../db/client.js";
import { assignWaitingCases } from "../server/routing/commands/assign-waiting.js";
import { queueOffDutyCases } from "../server/routing/commands/queue-off-duty.js";
import { endDutyWithoutSession } from "../server/routing/duty.js";

/**
 * Each tick: people whose sessions all expired go off duty, the cases of owners off duty too long
 * rejoin their group's queue, then waiting cases go to those on duty. Several servers run it at once; the row locks in assign-waiting.ts keep it exactly once.
 */
export async function routeWaitingCases(db: Database, now: Date, batchSize: number) {
  await endDutyWithoutSession(db, now);
  await queueOffDutyCases(db, now);
  return assignWaitingCases(db, now, batchSize);
}
