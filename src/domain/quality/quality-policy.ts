// Who may do what on an 8D. Specialists, supervisors and quality open cases and link complaints;
// the team edits the records (the opener, D1's members and the steps' owners), quality and admins
// on any case; the champion, quality, supervisors and admins approve or send a step back. Agents
// read only, also when listed on a team: they answer customers, not run the 8D. Everyone reads.

import { allow, type Decision, refuse } from "../access/decision.js";
import type { Actor, Role } from "../access/roles.js";

export function canOpenQualityCases(role: Role): boolean {
  return role === "specialist" || role === "supervisor" || role === "quality" || role === "admin";
}

export interface QualityTeam {
  openedById: string;
  memberIds: readonly string[];
  ownerIds: readonly (string | null)[];
  championId: string | null;
}

const managesAll = (role: Role) => role === "quality" || role === "admin";

export function mayEditQualityCase(actor: Actor, team: QualityTeam): Decision {
  if (actor.role === "agent") return refuse("role_required");
  if (managesAll(actor.role)) return allow;
  const onTeam =
    team.openedById === actor.id ||
    team.memberIds.includes(actor.id) ||
    team.ownerIds.includes(actor.id);
  return onTeam ? allow : refuse("not_on_team");
}

export function mayDecideQualityStep(actor: Actor, team: QualityTeam): Decision {
  if (actor.role === "agent") return refuse("role_required");
  if (managesAll(actor.role) || actor.role === "supervisor") return allow;
  return team.championId === actor.id ? allow : refuse("not_champion");
}

export function mayLinkComplaints(actor: Actor, team: QualityTeam): Decision {
  if (!canOpenQualityCases(actor.role)) return refuse("role_required");
  return mayEditQualityCase(actor, team).ok || actor.role === "supervisor"
    ? allow
    : refuse("not_on_team");
}
