// 流失风险客户估算: how many complaining customers the center may lose because their cases are
// slow, estimated from the survey seed 004 (CCCS) quotes from the US consumer-affairs office:
// of unhappy customers who never complain 91% leave; of complainants whose complaint stays
// unresolved 81% leave; resolved, 46% leave; resolved quickly, only 18% leave (82% stay).
// An estimate from published rates, never a count: the dashboard says so beside it.

export const retention = {
  silentLeave: 0.91,
  unresolvedLeave: 0.81,
  resolvedLeave: 0.46,
  resolvedQuicklyLeave: 0.18,
} as const;

export interface SlowCases {
  /** Closed, but after the deadline in force. */
  closedLate: number;
  /** Still open and already past their deadline. */
  openOverdue: number;
}

/**
 * Customers expected to leave beyond those who would have left had every one of these cases been
 * resolved quickly: the share the center loses to slowness alone, rounded to whole customers.
 */
export function customersAtRisk({ closedLate, openOverdue }: SlowCases): number {
  const quick = retention.resolvedQuicklyLeave;
  return Math.round(
    closedLate * (retention.resolvedLeave - quick) +
      openOverdue * (retention.unresolvedLeave - quick),
  );
}
