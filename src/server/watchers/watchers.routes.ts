import { and, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { complaints, complaintWatchers } from "../../db/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { callerOf } from "../auth/caller.js";
import { lockVisibleComplaint } from "../case/visible-complaint.js";
import type { App, Caller } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { presentWatchers, watchersJson } from "./watchers.presenter.js";
import { type WatcherListDto, watcherListSchema } from "./watchers.schemas.js";

// Following a case changes nothing about the case: it bumps no version (a colleague's reply must
// not conflict with it) and writes no timeline event (the timeline is the case's history, read by
// webhook subscribers too). Who followed or unfollowed, and when, is kept in the audit log.

export async function watcherRoutes(app: App) {
  app.post(
    "/complaints/:id/watchers",
    {
      schema: {
        tags: ["watchers"],
        summary:
          "Follow a case (关注): hear of what happens on it; following twice changes nothing",
        params: idParams,
        response: { 200: watcherListSchema },
      },
    },
    (request) => changeWatching(app, callerOf(request), request.params.id, follow),
  );

  app.delete(
    "/complaints/:id/watchers/me",
    {
      schema: {
        tags: ["watchers"],
        summary: "Unfollow a case, however one came to watch it; unfollowing twice changes nothing",
        params: idParams,
        response: { 200: watcherListSchema },
      },
    },
    (request) => changeWatching(app, callerOf(request), request.params.id, unfollow),
  );
}

/**
 * One follow or unfollow with its audit row, in one transaction; anyone who may see the case may
 * follow it (404 for one they may not). Answers the case's watchers.
 */
async function changeWatching(
  app: App,
  caller: Caller,
  complaintId: string,
  change: WatchingChange,
): Promise<WatcherListDto> {
  return app.db.transaction(async (tx) => {
    await lockVisibleComplaint(tx, caller, complaintId);
    await change(tx, caller, complaintId);
    const [row] = await tx
      .select({ watchers: watchersJson })
      .from(complaints)
      .where(eq(complaints.id, complaintId));
    return { items: presentWatchers(row?.watchers) };
  });
}

type WatchingChange = (tx: Tx, caller: Caller, complaintId: string) => Promise<void>;

const follow: WatchingChange = async (tx, caller, complaintId) => {
  const added = await tx
    .insert(complaintWatchers)
    .values({ complaintId, userId: caller.id, reason: "self" })
    .onConflictDoNothing()
    .returning({ reason: complaintWatchers.reason });
  if (added.length > 0)
    await recordAudit(tx, caller, "watch", "complaint_watchers", complaintId, { reason: "self" });
};

const unfollow: WatchingChange = async (tx, caller, complaintId) => {
  const [removed] = await tx
    .delete(complaintWatchers)
    .where(
      and(eq(complaintWatchers.complaintId, complaintId), eq(complaintWatchers.userId, caller.id)),
    )
    .returning({ reason: complaintWatchers.reason });
  // The reason tells an unfollowed deadline escalation from a change of mind.
  if (removed)
    await recordAudit(tx, caller, "unwatch", "complaint_watchers", complaintId, {
      reason: removed.reason,
    });
};
