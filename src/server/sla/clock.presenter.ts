import type { WorkCalendar } from "../../domain/sla/calendar.js";
import { clockState } from "../../domain/sla/clock.js";
import { type ClockRow, clockOf } from "./sla-store.js";

/** Each clock with its state at `now` on this calendar: due, time left, share used, paused, breached. */
export function presentClockRows(calendar: WorkCalendar, rows: ClockRow[], now: Date) {
  return rows.map((row) => {
    const state = clockState(calendar, clockOf(row), now);
    return {
      id: row.id,
      name: row.name,
      workOrderId: row.workOrderId,
      callbackId: row.callbackId,
      remedyId: row.remedyId,
      startedAt: row.startedAt,
      dueAt: state.dueAt,
      warningAt: state.warningAt,
      remainingMs: state.remaining,
      elapsedShare: state.elapsedShare,
      paused: state.paused,
      stopped: state.stopped,
      // Once the sweep has recorded a breach it stays a breach, whatever the clock later shows.
      breached: state.breached || row.breachedAt !== null,
      extended: (row.extensions as unknown[]).length > 0,
    };
  });
}
