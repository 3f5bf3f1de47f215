import { and, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { slaClocks, slaPolicies } from "../../db/schema.js";
import { REMEDY_APPROVAL, remedyApprovalClock } from "../../domain/remedy/approval-clock.js";
import type { WorkCalendar } from "../../domain/sla/calendar.js";
import { type SlaClock, stopClock } from "../../domain/sla/clock.js";
import { type ClockStart, plannedClocks, policyClockStarts } from "../../domain/sla/clock-plan.js";
import {
  blocksClosing,
  EXTENSION_NOTICE,
  extensionNoticeTarget,
} from "../../domain/sla/extension-notice.js";
import {
  type ComplaintSource,
  matchPolicy,
  type SlaPolicy,
  type SlaTargetName,
} from "../../domain/sla/sla-policy.js";
import type { ComplaintRow } from "../case/complaint-row.js";
import { badRequest } from "../http/app-error.js";
import { clockOf, loadActivePolicies, loadCalendar } from "./sla-store.js";

async function insertClocks(
  tx: Tx,
  calendar: WorkCalendar,
  complaintId: string,
  startedAt: Date,
  starts: ClockStart[],
) {
  if (starts.length === 0) return [];
  const rows = plannedClocks(calendar, startedAt, starts).map((c) => ({ complaintId, ...c }));
  return tx.insert(slaClocks).values(rows).returning();
}

/** What a policy matches a complaint on: its row, or the row intake is about to write. */
export const policyFacts = (
  c: Pick<
    ComplaintRow,
    "kind" | "category" | "severity" | "channel" | "sourceType" | "sourceExternalDueAt"
  >,
) => ({
  kind: c.kind,
  category: c.category,
  severity: c.severity,
  channel: c.channel,
  source: c.sourceType as ComplaintSource,
  externalDueAt: c.sourceExternalDueAt,
});

/** Starts the named targets of the complaint's policy (see policyClockStarts). */
export async function startPolicyClocks(
  tx: Tx,
  complaint: ComplaintRow,
  names: readonly SlaTargetName[],
  at: Date,
  workOrderId?: string,
) {
  const policies = await loadActivePolicies(tx);
  const starts = policyClockStarts(policies, policyFacts(complaint), names, workOrderId);
  if (starts.length === 0) return [];
  return insertClocks(tx, await loadCalendar(tx), complaint.id, at, starts);
}

/** The first active policy that matches the case, as it is now. */
async function policyOf(tx: Tx, complaint: ComplaintRow) {
  return matchPolicy(await loadActivePolicies(tx), policyFacts(complaint));
}

/**
 * A remedy waiting for its approver (domain/remedy/approval-clock.ts): the case's policy's
 * `remedyApproval` target, else one working day, warned at the policy's share. No policy id, so
 * no breach actions: the approver is late, not the case's owner.
 */
export async function startRemedyApprovalClock(
  tx: Tx,
  complaint: ComplaintRow,
  remedyId: string,
  at: Date,
) {
  const { target, warnAtShare } = remedyApprovalClock(await policyOf(tx, complaint));
  await insertClocks(tx, await loadCalendar(tx), complaint.id, at, [
    { name: REMEDY_APPROVAL, target, policyId: null, warnAtShare, remedyId },
  ]);
}

/**
 * A promise with its own due time, 承诺回电 (callback) or a 督办 supervision order, is a clock
 * of its own, due when promised, without warning.
 */
export async function startCallbackClock(
  tx: Tx,
  complaintId: string,
  callbackId: string | null,
  dueAt: Date,
  at: Date,
  name: "callback" | "supervision" = "callback",
) {
  const minutes = Math.max(1, Math.ceil((dueAt.getTime() - at.getTime()) / 60_000));
  await insertClocks(tx, await loadCalendar(tx), complaintId, at, [
    {
      name,
      target: { amount: minutes, unit: "minutes" },
      policyId: null,
      warnAtShare: null,
      ...(callbackId && { callbackId }),
    },
  ]);
}

/**
 * 延期告知 (see domain/sla/extension-notice.ts): after an approved extension the customer must be
 * told within the policy's first-response target (else one working day). The policy is the one
 * the case's reply clock runs under, so its breach actions apply as to any clock. A notice still
 * running is kept. Returns the notice's due time.
 */
export async function startExtensionNotice(tx: Tx, complaintId: string, at: Date): Promise<Date> {
  const [running] = await tx
    .select({ dueAt: slaClocks.dueAt })
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.complaintId, complaintId),
        eq(slaClocks.name, EXTENSION_NOTICE),
        isNull(slaClocks.stoppedAt),
      ),
    );
  if (running) return running.dueAt;
  const [reply] = await tx
    .select({ policyId: slaClocks.policyId, targets: slaPolicies.targets })
    .from(slaClocks)
    .leftJoin(slaPolicies, eq(slaPolicies.id, slaClocks.policyId))
    .where(and(eq(slaClocks.complaintId, complaintId), eq(slaClocks.name, "customerReply")))
    .orderBy(desc(slaClocks.startedAt))
    .limit(1);
  const targets = reply?.targets as SlaPolicy["targets"] | null | undefined;
  const [started] = await insertClocks(tx, await loadCalendar(tx), complaintId, at, [
    {
      name: EXTENSION_NOTICE,
      target: extensionNoticeTarget(targets ? { targets } : null),
      policyId: reply?.policyId ?? null,
      warnAtShare: null,
    },
  ]);
  return started!.dueAt;
}

/** 办结 waits until the customer has been told of an approved extension. */
export async function assertCustomerTold(tx: Tx, complaintId: string) {
  const open = await tx
    .select({ name: slaClocks.name })
    .from(slaClocks)
    .where(and(eq(slaClocks.complaintId, complaintId), isNull(slaClocks.stoppedAt)));
  if (open.some((c) => blocksClosing({ name: c.name, stopped: false })))
    throw badRequest("customer_not_told");
}

export interface ClockSelection {
  complaintId: string;
  names?: readonly string[];
  workOrderId?: string;
  callbackIds?: readonly string[];
  remedyId?: string;
}

/** The act a clock waits for is done: running clocks matching the selection stop now. */
export async function stopClocks(tx: Tx, selection: ClockSelection, at: Date) {
  const conditions: (SQL | undefined)[] = [
    eq(slaClocks.complaintId, selection.complaintId),
    isNull(slaClocks.stoppedAt),
    selection.names ? inArray(slaClocks.name, [...selection.names]) : undefined,
    selection.workOrderId ? eq(slaClocks.workOrderId, selection.workOrderId) : undefined,
    selection.callbackIds ? inArray(slaClocks.callbackId, [...selection.callbackIds]) : undefined,
    selection.remedyId ? eq(slaClocks.remedyId, selection.remedyId) : undefined,
  ];
  if (selection.callbackIds?.length === 0) return;
  const running = await tx
    .select()
    .from(slaClocks)
    .where(and(...conditions))
    .for("update");
  for (const row of running) {
    const stopped = stopClock(clockOf(row), at);
    if (!stopped.ok) continue;
    await tx.update(slaClocks).set(persisted(stopped.clock, null)).where(eq(slaClocks.id, row.id));
  }
}

/** The columns a changed clock record writes back. */
export function persisted(clock: SlaClock, next: Date | null) {
  return {
    pauses: clock.pauses,
    extensions: clock.extensions,
    stoppedAt: clock.stoppedAt,
    warnedAt: clock.warnedAt,
    breachedAt: clock.breachedAt,
    nextEventAt: next,
  };
}

/** The case's deadline is its customer-reply clock's, when the policy sets one. */
export function replyDueAt(started: { name: string; dueAt: Date }[]): Date | undefined {
  return started.find((c) => c.name === "customerReply")?.dueAt;
}
