// 补救审批时限: a remedy above the asker's authority waits for an approver, and that wait is a
// clock like any other deadline. It shows among the case's clocks, is warned and breached by
// the same sweep (timeline event, the case's owner told, supervisors in their digest), and
// stops when the remedy is approved or rejected.
//
// - Target: the policy's `remedyApproval` target when it sets one, else one working day.
// - Warned at the policy's share (else 75%), like the case's own deadlines.
// - Carries no policy breach actions: the approver is late, not the case's owner, so raising the
//   case's severity or taking it from its owner would punish the wrong person.
// - Not paused by a case pause, which waits for an appraisal or the customer, not for us.

import type { SlaPolicy, SlaTargetName } from "../sla/sla-policy.js";
import type { SlaTarget } from "../sla/sla-target.js";

export const REMEDY_APPROVAL = "remedyApproval" satisfies SlaTargetName;

export const defaultApprovalTarget: SlaTarget = { amount: 1, unit: "working_days" };
const defaultWarnAtShare = 0.75;

/** How long an approver has, and when they are warned, under the case's policy (if any). */
export function remedyApprovalClock(policy: Pick<SlaPolicy, "targets" | "warnAtShare"> | null): {
  target: SlaTarget;
  warnAtShare: number;
} {
  return {
    target: policy?.targets.remedyApproval ?? defaultApprovalTarget,
    warnAtShare: policy?.warnAtShare ?? defaultWarnAtShare,
  };
}
