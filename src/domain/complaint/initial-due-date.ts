import type { ComplaintKind } from "./complaint-lifecycle.js";

const DAY = 86_400_000;

/**
 * Calendar days to a decision by kind (Guangdong 12345: inquiry 2, help/suggestion 10,
 * complaint/report 15; the bank rule is also 15). Working-day calendars and SLA policies
 * replace this starting point.
 */
const daysByKind: Record<ComplaintKind, number> = {
  inquiry: 2,
  help: 10,
  suggestion: 10,
  complaint: 15,
  report: 15,
};

/** An upper-level or regulator transfer's own deadline wins when it is earlier. */
export function initialDueAt(
  kind: ComplaintKind,
  receivedAt: Date,
  externalDueAt?: Date | null,
): Date {
  const ours = new Date(receivedAt.getTime() + daysByKind[kind] * DAY);
  return externalDueAt && externalDueAt < ours ? externalDueAt : ours;
}
