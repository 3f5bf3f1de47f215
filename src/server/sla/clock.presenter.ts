import { asc, eq } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { slaClocks } from "../../db/schema.js";
import { clockState } from "../../domain/sla/clock.js";
import { clockOf, loadCalendar } from "./sla-store.js";

/** Every clock of a complaint with its state at `now`: due, time left, share used, paused, breached. */
export async function presentClocks(db: Database | Tx, complaintId: string, now: Date) {
  const rows = await db
    .select()
    .from(slaClocks)
    .where(eq(slaClocks.complaintId, complaintId))
    .orderBy(asc(slaClocks.startedAt), asc(slaClocks.name));
  if (rows.length === 0) return [];
  const calendar = await loadCalendar(db);
  return rows.map((row) => {
    const state = clockState(calendar, clockOf(row), now);
    return {
      id: row.id,
      name: row.name,
      workOrderId: row.workOrderId,
      callbackId: row.callbackId,
      startedAt: row.startedAt,
      dueAt: state.dueAt,
      warningAt: state.warningAt,
      remainingMs: state.remaining,
      elapsedShare: state.elapsedShare,
      paused: state.paused,
      stopped: state.stopped,
      // Once the sweep has recorded a breach it stays a breach, whatever the clock later shows.
      breached: state.breached || row.breachedAt !== null,
    };
  });
}
