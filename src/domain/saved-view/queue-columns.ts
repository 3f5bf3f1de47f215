// The work queue's columns: which exist, which show when a view names none, and the ready-made
// views people are given. A saved view stores its columns by these keys, so the server checks
// them and the workbench renders them from one list.

import type { Role } from "../access/roles.js";

export const queueColumns = [
  "number",
  "kind",
  "status",
  "flags",
  "risk",
  "subject",
  "customer",
  "owner",
  "nextCallback",
  "category",
  "severity",
  "due",
  "createdAt",
] as const;
export type QueueColumn = (typeof queueColumns)[number];

/** The case number is the link to the case: every layout keeps it. */
export const requiredQueueColumns: readonly QueueColumn[] = ["number"];

/**
 * What a queue shows when its view names no columns: everything but the intake time, which the
 * due time and the case number (dated) already tell; 50 such rows stay one line each at 1440 px.
 */
export const defaultQueueColumns: readonly QueueColumn[] = queueColumns.filter(
  (column) => column !== "createdAt",
);

/**
 * A layout as stored: known columns, each once, in the queue's own order, the required ones
 * always in. Null for the default layout (a view that never chose keeps following the default).
 */
export function normaliseColumns(
  columns: readonly string[] | null | undefined,
): QueueColumn[] | null {
  if (!columns) return null;
  const chosen = new Set([...columns, ...requiredQueueColumns]);
  return queueColumns.filter((column) => chosen.has(column));
}

/** The columns a queue shows for a view's stored layout. */
export function shownQueueColumns(columns: readonly string[] | null | undefined): QueueColumn[] {
  return normaliseColumns(columns) ?? [...defaultQueueColumns];
}

/** Ready-made views, given once to the people whose role they are for. */
export const viewPresets = {
  /**
   * 团队超时与预警: the cases of the supervisor's team (owners in their department) with a running
   * deadline already missed or warned, the latest first; the owner and the next callback shown.
   */
  team_late: {
    roles: ["supervisor"] as readonly Role[],
    name: { "zh-CN": "团队超时与预警", en: "Team: overdue and warned" },
    filters: { open: true, team: true, sla: ["breached", "warned"] },
    // Every column but those a team lead does not sort late cases by.
    columns: queueColumns.filter((c) => !["kind", "category", "createdAt"].includes(c)),
  },
  /**
   * 高风险投诉: every open case whose escalation risk is high, due first, with the risk beside
   * the owner and the next promise to the customer.
   */
  high_risk: {
    roles: ["supervisor"] as readonly Role[],
    name: { "zh-CN": "高风险投诉", en: "High escalation risk" },
    filters: { open: true, riskLevel: ["high"] },
    columns: queueColumns.filter((c) => !["kind", "category", "createdAt"].includes(c)),
  },
} as const;
export type ViewPreset = keyof typeof viewPresets;

/** The presets a role is given. */
export function presetsFor(role: Role): ViewPreset[] {
  return (Object.keys(viewPresets) as ViewPreset[]).filter((key) =>
    viewPresets[key].roles.includes(role),
  );
}
