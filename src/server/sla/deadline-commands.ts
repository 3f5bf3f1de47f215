import { and, eq, inArray, isNull, notInArray } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import {
  complaints,
  extensionRequests,
  slaClocks,
  slaPolicies,
  users,
  type workOrders,
} from "../../db/schema.js";
import { mayEditComplaint } from "../../domain/complaint/complaint-policy.js";
import { isActiveWorkOrder } from "../../domain/complaint/work-order-lifecycle.js";
import { REMEDY_APPROVAL } from "../../domain/remedy/approval-clock.js";
import {
  clockState,
  extendClock,
  nextEventAt,
  pauseClock,
  resumeClock,
} from "../../domain/sla/clock.js";
import { EXTENSION_NOTICE } from "../../domain/sla/extension-notice.js";
import type { SlaPolicy } from "../../domain/sla/sla-policy.js";
import { dueAt as targetDueAt } from "../../domain/sla/sla-target.js";
import type { ComplaintRow } from "../case/complaint-row.js";
import { appendTimeline } from "../case/timeline.js";
import { lockVisibleComplaint } from "../case/visible-complaint.js";
import { AppError, badRequest, fieldInvalid } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import { authorize } from "../http/authorize.js";
import { notifyUsers } from "../notifications/notify.js";
import { persisted, startCallbackClock, startExtensionNotice } from "./clock-effects.js";
import { clockOf, loadCalendar } from "./sla-store.js";

/** The complaint locked for a deadline change, visible to the caller and still open. */
export async function lockedOpenComplaint(tx: Tx, caller: Caller, id: string) {
  const { complaint, orders, access } = await lockVisibleComplaint(tx, caller, id);
  if (complaint.closedAt)
    throw new AppError(
      "invalid_transition",
      { status: complaint.status, command: "deadline" },
      { allowed: [] },
    );
  return { complaint, access, orders };
}

/** The case's owner (or above) changes its deadlines, as with its other fields. */
export async function lockedOwnedComplaint(tx: Tx, caller: Caller, id: string) {
  const { complaint, access } = await lockedOpenComplaint(tx, caller, id);
  authorize(mayEditComplaint(caller, access));
  return complaint;
}

/**
 * The case's own deadlines: not the promises made to the customer (a callback, telling them of
 * an extension), which keep their time whatever the case waits for, nor an approver's time to
 * decide a remedy, which waits for nobody outside.
 */
const runningClocks = (tx: Tx, complaintId: string) =>
  tx
    .select()
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.complaintId, complaintId),
        isNull(slaClocks.stoppedAt),
        notInArray(slaClocks.name, ["callback", EXTENSION_NOTICE, REMEDY_APPROVAL]),
      ),
    )
    .for("update");

/** Waiting for an outside appraisal or for the customer: the time does not count, and the customer is told why. */
export async function pauseDeadlines(
  tx: Tx,
  caller: Caller,
  complaint: ComplaintRow,
  reason: string,
  now: Date,
) {
  let paused = 0;
  for (const row of await runningClocks(tx, complaint.id)) {
    const result = pauseClock(clockOf(row), now, reason);
    if (!result.ok) continue;
    await tx.update(slaClocks).set(persisted(result.clock, null)).where(eq(slaClocks.id, row.id));
    paused++;
  }
  if (paused === 0) throw badRequest("nothing_to_pause");
  await appendTimeline(tx, caller, complaint.id, [
    { type: "sla_paused", customerVisible: true, data: { reason, clocks: paused } },
  ]);
}

export async function resumeDeadlines(tx: Tx, caller: Caller, complaint: ComplaintRow, now: Date) {
  const calendar = await loadCalendar(tx);
  let resumed = 0;
  for (const row of await runningClocks(tx, complaint.id)) {
    const result = resumeClock(clockOf(row), now);
    if (!result.ok) continue;
    await tx
      .update(slaClocks)
      .set(persisted(result.clock, nextEventAt(calendar, result.clock, now)))
      .where(eq(slaClocks.id, row.id));
    if (row.name === "customerReply")
      await setCaseDue(tx, complaint, clockState(calendar, result.clock, now).dueAt, now);
    resumed++;
  }
  if (resumed === 0) throw badRequest("nothing_paused");
  await appendTimeline(tx, caller, complaint.id, [
    { type: "sla_resumed", customerVisible: true, data: { clocks: resumed } },
  ]);
}

async function setCaseDue(tx: Tx, complaint: ComplaintRow, dueAt: Date, now: Date) {
  await tx
    .update(complaints)
    .set({ dueAt, version: complaint.version + 1, updatedAt: now })
    .where(eq(complaints.id, complaint.id));
}

async function replyClock(tx: Tx, complaintId: string) {
  const [row] = await tx
    .select()
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.complaintId, complaintId),
        eq(slaClocks.name, "customerReply"),
        isNull(slaClocks.stoppedAt),
      ),
    )
    .for("update");
  if (!row) throw badRequest("no_deadline");
  return row;
}

/** 延期申请: only before the deadline, only later than it, and within what the policy allows. */
export async function requestExtension(
  tx: Tx,
  caller: Caller,
  complaint: ComplaintRow,
  body: { newDueAt: Date; reason: string },
  now: Date,
) {
  const row = await replyClock(tx, complaint.id);
  const calendar = await loadCalendar(tx);
  const current = clockState(calendar, clockOf(row), now).dueAt;
  if (now >= current) throw badRequest("extension_too_late");
  if (body.newDueAt <= current) throw fieldInvalid("body.newDueAt", "not_later");
  const [policy] = row.policyId
    ? await tx.select().from(slaPolicies).where(eq(slaPolicies.id, row.policyId))
    : [];
  const extension = policy?.extension as SlaPolicy["extension"] | null | undefined;
  if (extension && body.newDueAt > targetDueAt(calendar, current, extension.max))
    throw fieldInvalid("body.newDueAt", "beyond_limit");
  const pending = await tx
    .select({ id: extensionRequests.id })
    .from(extensionRequests)
    .where(
      and(eq(extensionRequests.complaintId, complaint.id), eq(extensionRequests.status, "pending")),
    );
  if (pending.length > 0) throw badRequest("extension_pending");
  const approver = extension?.approver ?? "supervisor";
  const [request] = await tx
    .insert(extensionRequests)
    .values({
      complaintId: complaint.id,
      requestedById: caller.id,
      reason: body.reason,
      newDueAt: body.newDueAt,
      approver,
    })
    .returning();
  await appendTimeline(tx, caller, complaint.id, [
    {
      type: "extension_requested",
      data: {
        requestId: request!.id,
        newDueAt: body.newDueAt.toISOString(),
        reason: body.reason,
        approver,
      },
    },
  ]);
  const deciders = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.role, approver === "admin" ? ["admin"] : ["supervisor", "admin"]),
        eq(users.active, true),
      ),
    );
  await notifyUsers(
    tx,
    deciders.map((d) => d.id),
    complaint,
    ["extension_requested"],
    { requestId: request!.id, newDueAt: body.newDueAt.toISOString() },
  );
  return request!;
}

/**
 * Approval moves the reply (and resolution) clocks to the new date; the case's due date follows,
 * and the customer must be told before the clock runs on: an `extensionNotice` clock starts
 * (domain/sla/extension-notice.ts), stopped by a reply or a contact on the case.
 */
export async function approveExtension(
  tx: Tx,
  caller: Caller,
  complaint: ComplaintRow,
  request: typeof extensionRequests.$inferSelect,
  note: string | undefined,
  now: Date,
) {
  const calendar = await loadCalendar(tx);
  for (const row of await runningClocks(tx, complaint.id)) {
    if (row.name !== "customerReply" && row.name !== "resolution") continue;
    const result = extendClock(calendar, clockOf(row), request.newDueAt, now);
    if (!result.ok) continue; // a resolution clock already later than the new date keeps its own
    await tx
      .update(slaClocks)
      .set(persisted(result.clock, nextEventAt(calendar, result.clock, now)))
      .where(eq(slaClocks.id, row.id));
  }
  await setCaseDue(tx, complaint, request.newDueAt, now);
  const noticeDueAt = await startExtensionNotice(tx, complaint.id, now);
  await decide(tx, caller, complaint, request, "approved", note ?? null, now, { noticeDueAt });
}

export async function decide(
  tx: Tx,
  caller: Caller,
  complaint: ComplaintRow,
  request: typeof extensionRequests.$inferSelect,
  status: "approved" | "rejected",
  note: string | null,
  now: Date,
  extra: { noticeDueAt?: Date } = {},
) {
  await tx
    .update(extensionRequests)
    .set({ status, decidedById: caller.id, decidedAt: now, decisionNote: note })
    .where(eq(extensionRequests.id, request.id));
  const type = `extension_${status}`;
  // Told to the customer: a moved deadline is theirs to know (the bank rule says so).
  await appendTimeline(tx, caller, complaint.id, [
    {
      type,
      customerVisible: status === "approved",
      data: {
        requestId: request.id,
        newDueAt: request.newDueAt.toISOString(),
        note,
        ...(extra.noticeDueAt && { noticeDueAt: extra.noticeDueAt.toISOString() }),
      },
    },
  ]);
  // The handler who asked learns the decision (and, on approval, that the customer must be told).
  await notifyUsers(tx, [request.requestedById], complaint, [type], {
    requestId: request.id,
    ...(extra.noticeDueAt && { noticeDueAt: extra.noticeDueAt.toISOString() }),
  });
}

/** 催办 / 督办: a note and, for supervision, a due time with a clock of its own, to the case's handler. */
export async function remindOrSupervise(
  tx: Tx,
  caller: Caller,
  target: { complaint: ComplaintRow; orders: (typeof workOrders.$inferSelect)[] },
  kind: "reminder" | "supervision",
  body: { note: string; dueAt?: Date; workOrderId?: string },
  now: Date,
) {
  const { complaint, orders } = target;
  const order = body.workOrderId ? orders.find((o) => o.id === body.workOrderId) : undefined;
  if (body.workOrderId && (!order || !isActiveWorkOrder(order.status)))
    throw badRequest("work_order_not_active");
  const recipients = order
    ? (
        await tx
          .select({ id: users.id })
          .from(users)
          .where(
            and(
              eq(users.departmentId, order.departmentId),
              eq(users.role, "department_handler"),
              eq(users.active, true),
            ),
          )
      ).map((u) => u.id)
    : [complaint.ownerId ?? complaint.createdById];
  const data = {
    note: body.note,
    dueAt: body.dueAt?.toISOString() ?? null,
    workOrderId: order?.id ?? null,
  };
  await appendTimeline(tx, caller, complaint.id, [
    { type: kind === "reminder" ? "reminded" : "supervised", data },
  ]);
  if (kind === "supervision" && body.dueAt) {
    await startCallbackClock(tx, complaint.id, null, body.dueAt, now, "supervision");
    if (!complaint.flags.includes("supervised")) {
      await tx
        .update(complaints)
        .set({
          flags: [...complaint.flags, "supervised"],
          version: complaint.version + 1,
          updatedAt: now,
        })
        .where(eq(complaints.id, complaint.id));
    }
  }
  await notifyUsers(tx, recipients, complaint, [kind], data);
}
