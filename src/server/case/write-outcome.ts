import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { complaints } from "../../db/schema.js";
import type { Caller } from "../http/app-types.js";
import type { ComplaintRow } from "./complaint-row.js";
import { appendTimeline, type TimelineEntry } from "./timeline.js";

/** What a command does to a complaint: the fields it changes and the events it records. */
export interface CommandOutcome {
  /** Fields to change on the complaint besides status and version. */
  set?: Partial<ComplaintRow>;
  /** Overrides the lifecycle's next status (dispatch of an unowned case, for one). */
  status?: ComplaintRow["status"];
  events: TimelineEntry[];
}

/**
 * Writes a command's change and its events on the locked complaint; `status` null for a command
 * that only adds to the record. The router (routing/) gives cases out through here too, with no
 * caller: kesu itself acts.
 */
export async function writeOutcome(
  tx: Tx,
  caller: Caller | null,
  complaint: Pick<ComplaintRow, "id" | "version">,
  status: ComplaintRow["status"] | null,
  outcome: CommandOutcome,
  now: Date,
) {
  if (status !== null) {
    await tx
      .update(complaints)
      .set({ ...outcome.set, status, version: complaint.version + 1, updatedAt: now })
      .where(eq(complaints.id, complaint.id));
  }
  // A note's, reply's or contact's words become searchable in rows of their own, written with
  // the events (case/search-text.ts): a command that adds only to the record (a note, a
  // contact) leaves the complaint's row, its version and its search keys as they were.
  await appendTimeline(tx, caller, complaint.id, outcome.events);
}
