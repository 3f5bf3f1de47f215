import { and, asc, eq, isNotNull, lte } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { callbacks, complaints, slaClocks, slaPolicies, users } from "../../db/schema.js";
import type { WorkCalendar } from "../../domain/sla/calendar.js";
import { clockState, markBreached, markWarned, nextEventAt } from "../../domain/sla/clock.js";
import type { BreachAction } from "../../domain/sla/sla-policy.js";
import { appendTimeline } from "../complaints/run-complaint-command.js";
import { notifyUsers } from "../notifications/notify.js";
import { persisted } from "./clock-effects.js";
import { type ClockRow, clockOf, loadCalendar } from "./sla-store.js";

export interface SweepResult {
  /** Clocks looked at in this batch. */
  claimed: number;
  warnings: number;
  breaches: number;
}

const severityAbove: Record<string, string> = {
  low: "normal",
  normal: "high",
  high: "critical",
  critical: "critical",
};

/**
 * One bounded batch: the due clocks are claimed with FOR UPDATE SKIP LOCKED, so several kesu
 * servers sweeping together each take different clocks, and each warning or breach is written
 * (with its timeline event and notifications) in the same transaction that records it fired: a
 * server killed mid-batch fires nothing, and the next sweep finds the same clocks still due.
 */
export async function sweepDueClocks(
  db: Database,
  now: Date,
  batchSize = 200,
): Promise<SweepResult> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(slaClocks)
      .where(and(isNotNull(slaClocks.nextEventAt), lte(slaClocks.nextEventAt, now)))
      .orderBy(asc(slaClocks.nextEventAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    const result: SweepResult = { claimed: due.length, warnings: 0, breaches: 0 };
    if (due.length === 0) return result;
    const calendar = await loadCalendar(tx);
    const supervisors = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "supervisor"), eq(users.active, true)));
    const context = { calendar, supervisorIds: supervisors.map((s) => s.id) };
    for (const row of due) {
      const fired = await fire(tx, context, row, now);
      result.warnings += fired.warning ? 1 : 0;
      result.breaches += fired.breach ? 1 : 0;
    }
    return result;
  });
}

interface SweepContext {
  calendar: WorkCalendar;
  /** Read once per batch: every breach and warning tells them. */
  supervisorIds: string[];
}

async function fire(tx: Tx, { calendar, supervisorIds }: SweepContext, row: ClockRow, now: Date) {
  // A person acting on the case holds its row; leave the clock for the next sweep rather than wait
  // (commands lock the complaint before its clocks, so waiting here could deadlock).
  const [complaint] = await tx
    .select()
    .from(complaints)
    .where(eq(complaints.id, row.complaintId))
    .for("update", { skipLocked: true });
  if (!complaint) return { warning: false, breach: false };
  let clock = clockOf(row);
  const state = clockState(calendar, clock, now);
  const warning = clock.warnedAt === null && state.warning;
  const breach = clock.breachedAt === null && state.breached;
  if (warning) clock = markWarned(clock, now);
  if (breach) clock = markBreached(clock, now);
  await tx
    .update(slaClocks)
    .set(persisted(clock, nextEventAt(calendar, clock, now)))
    .where(eq(slaClocks.id, row.id));
  const about = {
    clock: row.name,
    clockId: row.id,
    dueAt: state.dueAt.toISOString(),
    workOrderId: row.workOrderId,
    callbackId: row.callbackId,
  };
  const events = [
    ...(warning ? [{ type: "sla_warning", data: about }] : []),
    ...(breach ? [{ type: "sla_breached", data: about }] : []),
  ];
  if (events.length === 0) return { warning, breach };
  await appendTimeline(tx, null, complaint.id, events);
  if (breach && row.callbackId)
    await tx.update(callbacks).set({ status: "missed" }).where(eq(callbacks.id, row.callbackId));
  if (breach) await runBreachActions(tx, complaint, row.policyId);
  // The owner (or the intake agent while nobody owns it) and every active supervisor.
  await notifyUsers(
    tx,
    [complaint.ownerId ?? complaint.createdById, ...supervisorIds],
    complaint,
    events.map((e) => e.type),
    about,
  );
  return { warning, breach };
}

async function runBreachActions(
  tx: Tx,
  complaint: typeof complaints.$inferSelect,
  policyId: string | null,
) {
  if (!policyId) return;
  const [policy] = await tx
    .select({ actions: slaPolicies.actionsOnBreach })
    .from(slaPolicies)
    .where(eq(slaPolicies.id, policyId));
  const actions = (policy?.actions ?? []) as BreachAction[];
  if (!actions.includes("raise_severity") || complaint.severity === "critical") return;
  const severity = severityAbove[complaint.severity] ?? complaint.severity;
  await tx
    .update(complaints)
    .set({ severity, version: complaint.version + 1, updatedAt: new Date() })
    .where(eq(complaints.id, complaint.id));
  await appendTimeline(tx, null, complaint.id, [
    {
      type: "updated",
      data: {
        before: { severity: complaint.severity },
        after: { severity },
        reason: "sla_breached",
      },
    },
  ]);
}

/** The owner (or the intake agent while nobody owns it) and every active supervisor. */
