import { allow, type Decision, refuse } from "../access/decision.js";
import type { Role } from "../access/roles.js";
import { fromLocal, localDateOf } from "../sla/zoned-time.js";
import { type RemedyType, remedyTypes } from "./remedy.js";

/**
 * How far a role may settle on its own (授权, seed 004): per case and per person per month, in fen;
 * null is unlimited. A role with no limit for a type may not grant it at all (limit 0).
 */
export interface AuthorityLimit {
  role: Role;
  type: RemedyType;
  perCaseFen: number | null;
  monthlyFen: number | null;
}

/** Who may grant, lowest first: a request above one's authority goes to the next who covers it. */
export const grantingRoles = ["agent", "specialist", "supervisor", "admin"] as const;
export type GrantingRole = (typeof grantingRoles)[number];

export const isGrantingRole = (role: Role): role is GrantingRole =>
  (grantingRoles as readonly Role[]).includes(role);

export interface RemedyAsk {
  role: Role;
  type: RemedyType;
  amountFen: number;
  /** What this person already granted of this type this month (granted, not reversed), in fen. */
  grantedThisMonthFen: number;
}

export type AuthorityAnswer =
  | { status: "granted" }
  | { status: "pending_approval"; approverRole: GrantingRole };

const limitOf = (limits: readonly AuthorityLimit[], role: Role, type: RemedyType) =>
  limits.find((l) => l.role === role && l.type === type) ?? {
    role,
    type,
    perCaseFen: 0,
    monthlyFen: 0,
  };

const within = (limit: number | null, amount: number) => limit === null || amount <= limit;

/** Whether the role's own limits cover the amount, this month's grants included. */
export function covers(limits: readonly AuthorityLimit[], ask: RemedyAsk): boolean {
  const limit = limitOf(limits, ask.role, ask.type);
  return (
    within(limit.perCaseFen, ask.amountFen) &&
    within(limit.monthlyFen, ask.grantedThisMonthFen + ask.amountFen)
  );
}

/**
 * Granted on the spot within the caller's authority; otherwise pending with the lowest role above
 * the caller's whose per-case limit covers the amount (the approver's own month is theirs to mind
 * when they approve). Nobody covering it: the admin, who has no limits by default.
 */
export function decideAuthority(
  limits: readonly AuthorityLimit[],
  ask: RemedyAsk,
): AuthorityAnswer {
  if (ask.amountFen === 0 || covers(limits, ask)) return { status: "granted" };
  const above = grantingRoles.slice(
    isGrantingRole(ask.role) ? grantingRoles.indexOf(ask.role) + 1 : 0,
  );
  const approverRole =
    above.find((role) => within(limitOf(limits, role, ask.type).perCaseFen, ask.amountFen)) ??
    "admin";
  return { status: "pending_approval", approverRole };
}

/** An approver of the role asked or above, never the one who asked (four eyes). */
export function mayDecideRemedy(
  caller: { id: string; role: Role },
  remedy: { requestedById: string; approverRole: GrantingRole },
): Decision {
  if (caller.id === remedy.requestedById) return refuse("own_remedy");
  if (!isGrantingRole(caller.role)) return refuse("role_required");
  return grantingRoles.indexOf(caller.role) >= grantingRoles.indexOf(remedy.approverRole)
    ? allow
    : refuse("remedy_approver_role");
}

/**
 * Where "this month" of the monthly limit begins: midnight of the first day of the month in the
 * center's time zone, so a grant at 00:30 on the 1st in Shanghai counts in the new month.
 */
export function authorityMonthStart(now: Date, timeZone: string): Date {
  return fromLocal(timeZone, `${localDateOf(now, timeZone).slice(0, 8)}01`);
}

const yuan = (n: number) => n * 100;

/** The limits kesu starts with (editable by admins): agent ¥200 a case / ¥2,000 a month, and up. */
export const defaultAuthorityLimits: readonly AuthorityLimit[] = (
  [
    ["agent", yuan(200), yuan(2_000)],
    ["specialist", yuan(2_000), yuan(20_000)],
    ["supervisor", yuan(20_000), yuan(200_000)],
    ["admin", null, null],
  ] as const
).flatMap(([role, perCaseFen, monthlyFen]) =>
  remedyTypes.map((type) => ({
    role,
    type,
    perCaseFen,
    monthlyFen,
  })),
);
