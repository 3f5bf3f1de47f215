// Service incidents (服务公告, seed 000: the customer's right to know): an ATM down, a line cut,
// a system outage, published so agents answer the callers it brings and the portal tells the
// public. Pure rules shared by the server and the workbench.

import type { Role } from "../access/roles.js";

/** live: in effect, shown at intake (and on the portal when public); resolved: over. */
export const incidentStatuses = ["live", "resolved"] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** Supervisors speak for the center about an outage; admins keep everything. */
export function canPublishIncidents(role: Role): boolean {
  return role === "supervisor" || role === "admin";
}

/**
 * Who links a complaint to an incident: the people who take and answer cases. Departments and
 * quality read the notices but do not file the center's cases under them.
 */
export function canLinkIncidents(role: Role): boolean {
  return role === "agent" || role === "specialist" || role === "supervisor" || role === "admin";
}

export interface IncidentScope {
  status: IncidentStatus;
  startsAt: Date;
  category: string | null;
  businessType: string | null;
  area: string | null;
}

/** What the agent has typed so far: each field unknown (null) until chosen. */
export interface IntakeSubject {
  category: string | null;
  businessType: string | null;
  area: string | null;
}

/** Areas compare as people type them: trimmed, case and inner spaces ignored. */
export function areaKey(area: string | null | undefined): string | null {
  const key = area?.trim().replace(/\s+/g, "").toLowerCase();
  return key ? key : null;
}

/**
 * An incident the agent should see for this call: live and already started, and not about
 * another category, business or area than the one chosen (an incident or a call that names none
 * matches any), so the notice shows while the agent has typed little and narrows as they go on.
 */
export function incidentMatches(incident: IncidentScope, call: IntakeSubject, now: Date): boolean {
  if (incident.status !== "live" || incident.startsAt.getTime() > now.getTime()) return false;
  const agrees = (a: string | null, b: string | null) => a === null || b === null || a === b;
  return (
    agrees(incident.category, call.category) &&
    agrees(incident.businessType, call.businessType) &&
    agrees(areaKey(incident.area), areaKey(call.area))
  );
}

/** A period whose end is not after its start is refused on publish and edit. */
export function isValidIncidentPeriod(period: { startsAt: Date; endsAt: Date | null }): boolean {
  return period.endsAt === null || period.endsAt.getTime() > period.startsAt.getTime();
}
