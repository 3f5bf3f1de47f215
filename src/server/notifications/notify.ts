import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { runWrites } from "../../db/run-writes.js";

interface About {
  id: string;
  number: string;
  subject: string;
}

/** One notice: these people hear of these events on this case (or on several: a digest). */
export interface Notice {
  userIds: readonly string[];
  complaint: About | null;
  types: readonly string[];
  data: Record<string, unknown>;
}

/**
 * Tells people about a case: the bell (a notification row) and, for those with an email
 * address, a mail in the outbox. Both are written in the caller's transaction.
 */
export async function notifyUsers(
  tx: Tx,
  userIds: readonly string[],
  complaint: About,
  types: readonly string[],
  data: Record<string, unknown>,
) {
  await notifyMany(tx, [{ userIds, complaint, types, data }]);
}

/**
 * Many notices in one statement, whatever their number (the sweep tells a batch at once): the
 * bell rows, and a mail in the outbox per active recipient with an address.
 */
export async function notifyMany(tx: Tx, notices: readonly Notice[]) {
  await runWrites(tx, noticeWrites(notices));
}

/**
 * The statement parts (common table expressions) that write these notices, for a caller that
 * writes them together with its own changes in one statement: none when there is nothing to say.
 */
export function noticeWrites(notices: readonly Notice[]): SQL[] {
  // Each notice travels once (its data is not repeated per recipient); the database fans it
  // out to recipients and event types, keeping the given order.
  const rows = notices
    .filter((n) => n.userIds.length > 0 && n.types.length > 0)
    .map(({ userIds, complaint, types, data }) => ({
      complaintId: complaint?.id ?? null,
      userIds: [...new Set(userIds)],
      types,
      data: complaint ? { ...data, number: complaint.number, subject: complaint.subject } : data,
    }));
  if (rows.length === 0) return [];
  return [
    sql`notice as (
      select n.complaint_id, u.user_id, t.type, n.data, n.i, u.j, t.k
      from rows from (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
             as ("complaintId" uuid, "userIds" uuid[], types text[], data jsonb))
           with ordinality as n(complaint_id, user_ids, types, data, i)
      cross join lateral unnest(n.user_ids) with ordinality as u(user_id, j)
      cross join lateral unnest(n.types) with ordinality as t(type, k))`,
    sql`bell as (
      insert into notifications (user_id, complaint_id, type, data)
      select user_id, complaint_id, type, data from notice order by i, j, k)`,
    sql`mail as (
      insert into outbox (channel, event_type, payload)
      select 'email', n.type,
             jsonb_build_object('to', u.email, 'name', u.display_name, 'locale', u.locale,
                                'role', u.role, 'complaintId', n.complaint_id) || n.data
      from notice n join users u on u.id = n.user_id
      where u.active and u.email is not null
      order by n.i, n.j, n.k)`,
  ];
}
