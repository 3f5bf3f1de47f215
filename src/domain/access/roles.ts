// Roles are coarse capabilities; per-complaint rules live in complaint-policy.ts.

export const roles = [
  "agent",
  "specialist",
  "department_handler",
  "supervisor",
  "quality",
  "admin",
] as const;
export type Role = (typeof roles)[number];

export interface Actor {
  id: string;
  role: Role;
  /** Set for department handlers; others may belong to a department but it grants nothing here. */
  departmentId: string | null;
}

// Departments and quality work on the problem, not the person: they get the case without
// the complainant's identity and contacts (confidentiality, 个人金融信息 protection).
export function canSeePersonalData(role: Role): boolean {
  return role === "admin" || role === "supervisor" || role === "specialist" || role === "agent";
}

/** Departments, users and taxonomies. */
export function canManageStaff(role: Role): boolean {
  return role === "admin";
}

/** One accountable owner per case (seed 002): those who answer the customer, never a department or quality. */
export function canOwnCases(role: Role): boolean {
  return role === "agent" || role === "specialist" || role === "supervisor" || role === "admin";
}

export function canLookUpCustomers(role: Role): boolean {
  return role !== "department_handler";
}

/**
 * What a role's search may match of phone, ID, card and account numbers: any part of them (roles
 * that see them), a customer's whole number it already knows (quality, who may look customers up),
 * or nothing (department handlers). A partial match would give the hidden digits away one by one.
 */
export type IdentifierSearch = "any_part" | "whole_number" | "none";

export function identifierSearch(role: Role): IdentifierSearch {
  if (canSeePersonalData(role)) return "any_part";
  return canLookUpCustomers(role) ? "whole_number" : "none";
}

export function canCreateComplaints(role: Role): boolean {
  return role === "agent" || role === "specialist" || role === "supervisor" || role === "admin";
}

/**
 * Who may register a complaint: the center's front line, and a department handler for one their
 * department heard (seed 001: every department hands complaints to one place, 转客服中心).
 */
export function canLogComplaints(role: Role): boolean {
  return canCreateComplaints(role) || role === "department_handler";
}

// A token acts as its user with that user's permissions, so issuing one grants nothing new.
export function canIssueApiTokens(_role: Role): boolean {
  return true;
}

/** Upper-level transfers: importing hotlines' work orders and exporting their reply-back. */
/**
 * 历史数据导入: cases with past times change the statistics of months already reported, so only
 * an admin imports them, and each is audited.
 */
export function canImportHistory(role: Role): boolean {
  return role === "admin";
}

export function canImportTransfers(role: Role): boolean {
  return role === "supervisor" || role === "admin";
}
