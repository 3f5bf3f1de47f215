// 群体性投诉: many customers complaining about one matter in a short time is an event of its own
// (an outage, a branch closed, a fee changed), for a supervisor to see at once rather than for
// each agent to meet one call at a time. Pure rule: which groups call for an alert now.

export interface GroupPolicy {
  /** Distinct customers within the window that make a group (default 5). */
  minCustomers: number;
  /** The window's length in minutes (default 120). */
  windowMinutes: number;
}

export const defaultGroupPolicy: GroupPolicy = { minCustomers: 5, windowMinutes: 120 };

/** A complaint as the rule reads it. */
export interface GroupMember {
  complaintId: string;
  customerId: string;
  category: string;
  /** The area key (see `areaKey`), null when the complaint names none: a group of its own. */
  area: string | null;
  at: Date;
}

export interface GroupAlert {
  category: string;
  area: string | null;
  /** Distinct customers in the window. */
  customers: number;
  complaintIds: string[];
  firstAt: Date;
  lastAt: Date;
}

const keyOf = (m: { category: string; area: string | null }) =>
  `${m.category}\u0000${m.area ?? ""}`;

/**
 * The groups (same category and area) with at least `minCustomers` distinct customers among the
 * complaints received in the window ending at `now`, leaving out any group already alerted within
 * the window: one alert per group and window, however many more complaints arrive in it.
 */
export function groupAlertsDue(
  members: readonly GroupMember[],
  alreadyAlerted: readonly { category: string; area: string | null; raisedAt: Date }[],
  policy: GroupPolicy,
  now: Date,
): GroupAlert[] {
  const since = now.getTime() - policy.windowMinutes * 60_000;
  const quiet = new Set(
    alreadyAlerted.filter((a) => a.raisedAt.getTime() > since).map((a) => keyOf(a)),
  );
  const groups = new Map<string, GroupMember[]>();
  for (const m of members) {
    const t = m.at.getTime();
    if (t <= since || t > now.getTime()) continue;
    const key = keyOf(m);
    if (quiet.has(key)) continue;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const alerts: GroupAlert[] = [];
  for (const group of groups.values()) {
    const customers = new Set(group.map((m) => m.customerId)).size;
    if (customers < policy.minCustomers) continue;
    const times = group.map((m) => m.at.getTime());
    alerts.push({
      category: group[0]!.category,
      area: group[0]!.area,
      customers,
      complaintIds: group.map((m) => m.complaintId),
      firstAt: new Date(Math.min(...times)),
      lastAt: new Date(Math.max(...times)),
    });
  }
  return alerts;
}
