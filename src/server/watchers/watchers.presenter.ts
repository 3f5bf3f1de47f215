import { sql } from "drizzle-orm";
import { rowsFromJson } from "../../db/json-rows.js";
import { complaintWatchers, users } from "../../db/schema.js";
import type { WatcherDto, WatcherReason } from "./watchers.schemas.js";

/**
 * The watchers of the case a statement reads `from complaints`, as one JSON list beside it, so the
 * complaint page and the follow routes read the list the same way and in the same round trip.
 */
export const watchersJson = sql<unknown>`(select json_agg(to_jsonb(cw) || jsonb_build_object('agent_no', u.agent_no, 'display_name', u.display_name) order by cw.added_at, u.agent_no) from ${complaintWatchers} cw join ${users} u on u.id = cw.user_id where cw.complaint_id = complaints.id)`;

export function presentWatchers(json: unknown): WatcherDto[] {
  const items = (json ?? []) as Record<string, unknown>[];
  return rowsFromJson(complaintWatchers, items).map((row, i) => ({
    id: row.userId,
    agentNo: items[i]!.agent_no as string,
    name: items[i]!.display_name as string,
    reason: row.reason as WatcherReason,
    addedAt: row.addedAt,
  }));
}
