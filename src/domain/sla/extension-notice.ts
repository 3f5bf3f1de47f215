// 延期告知: an approved extension moves the customer's deadline, and the customer must hear of
// it before the clock runs on to the new date. The obligation is a clock of its own,
// `extensionNotice`, so it reads like every other deadline: it shows in the case's clocks,
// breaches through the same sweep (timeline event, owner and supervisors told, the policy's
// breach actions), and stops when the customer is told.
//
// - Starts when a supervisor (or admin) approves an extension; one already running is kept, with
//   its earlier due time, when a later extension is approved before the customer heard of the first.
// - Target: the policy's first-response target when it has one (the time the organisation gives
//   itself to reach a customer), else one working day (the end of working hours on the next
//   working day, as the power utilities' "contact within 1 working day" promise).
// - No warning: like a callback promise it is short and due at one moment.
// - Stops when the handler tells the customer: a reply to the customer, or a contact recorded on
//   the case (a call either way, a visit, a message; the agent tells them in that conversation).
// - Not paused by a case pause, which waits for an appraisal or the customer, not for us.
// - While it runs the case cannot be closed (办结): it is closed only once the customer was told.

import type { SlaPolicy } from "./sla-policy.js";
import type { SlaTarget } from "./sla-target.js";

export const EXTENSION_NOTICE = "extensionNotice";

export const defaultNoticeTarget: SlaTarget = { amount: 1, unit: "working_days" };

/** How long the handler has to tell the customer of an approved extension. */
export function extensionNoticeTarget(policy: Pick<SlaPolicy, "targets"> | null): SlaTarget {
  return policy?.targets.firstResponse ?? defaultNoticeTarget;
}

/** Clocks that keep a case open: the customer has not yet been told of a moved deadline. */
export function blocksClosing(clock: { name: string; stopped: boolean }): boolean {
  return clock.name === EXTENSION_NOTICE && !clock.stopped;
}
