// Which clocks an act starts and what they are at their start, computed before anything is
// written: intake plans its clocks with its insert, so the case and its clocks are one statement.

import type { WorkCalendar } from "./calendar.js";
import { nextEventAt, startClock } from "./clock.js";
import type { EXTENSION_NOTICE } from "./extension-notice.js";
import {
  type ComplaintFacts,
  matchPolicy,
  type SlaPolicy,
  type SlaTargetName,
} from "./sla-policy.js";
import type { SlaTarget } from "./sla-target.js";

export interface ClockStart {
  name: SlaTargetName | "callback" | "supervision" | typeof EXTENSION_NOTICE;
  target: SlaTarget;
  policyId: string | null;
  warnAtShare: number | null;
  workOrderId?: string;
  callbackId?: string;
  remedyId?: string;
  externalDueAt?: Date | null;
}

/**
 * The named targets of the complaint's policy (the first active one that matches). The
 * customer-reply and resolution clocks honour an upper-level transfer's earlier deadline.
 */
export function policyClockStarts(
  policies: readonly SlaPolicy[],
  complaint: ComplaintFacts & { externalDueAt: Date | null },
  names: readonly SlaTargetName[],
  workOrderId?: string,
): ClockStart[] {
  const policy = matchPolicy(policies, complaint);
  if (!policy) return [];
  return names.flatMap((name): ClockStart[] => {
    const target = policy.targets[name];
    if (!target) return [];
    const external =
      name === "customerReply" || name === "resolution" ? complaint.externalDueAt : null;
    return [
      {
        name,
        target,
        policyId: policy.id,
        warnAtShare: policy.warnAtShare,
        workOrderId,
        externalDueAt: external,
      },
    ];
  });
}

/** The clock records these starts make at `startedAt`: due time and the sweep's first look. */
export function plannedClocks(
  calendar: WorkCalendar,
  startedAt: Date,
  starts: readonly ClockStart[],
) {
  return starts.map((s) => {
    const clock = startClock(calendar, startedAt, s.target, {
      externalDueAt: s.externalDueAt,
      warnAtShare: s.warnAtShare,
    });
    return {
      workOrderId: s.workOrderId ?? null,
      callbackId: s.callbackId ?? null,
      remedyId: s.remedyId ?? null,
      name: s.name,
      policyId: s.policyId,
      startedAt,
      target: s.target,
      dueAt: clock.dueAt,
      warnAtShare: s.warnAtShare,
      nextEventAt: nextEventAt(calendar, clock, startedAt),
    };
  });
}
