import { type SQL, sql } from "drizzle-orm";
import { timelineEvents } from "../../db/schema.js";

/**
 * Failed follow-up tries on a case since its latest reply: outbound contacts logged with outcome
 * `unreachable`. Read from the timeline (ordered by its id) so a 重办 round's reply starts the
 * count again, whatever the clocks of the writers said.
 */
export const failedAttemptsSinceReply = (complaintId: SQL | string) => sql<number>`(
  select count(*)::int from ${timelineEvents} a
  where a.complaint_id = ${complaintId} and a.type = 'contact'
    and a.data->>'direction' = 'outbound' and a.data->>'outcome' = 'unreachable'
    and a.id > coalesce((select max(r.id) from ${timelineEvents} r
                         where r.complaint_id = ${complaintId} and r.type = 'replied'), 0))`;
