// The judgement on a case (issue 13): the owner's own finding, which a close waits for, and
// 事不过三 (seed 001: 处理问题事不过三), the customer's third contact on a case still unanswered.

import type { ComplaintStatus } from "./complaint-lifecycle.js";
import { type Responsibility, responsibilities } from "./work-order-lifecycle.js";

/**
 * The owner's responsibility finding: the departments' codes (ours, the customer's, a third
 * party's, undetermined) plus `shared`, a fault on more than one side.
 */
export const caseResponsibilities = [...responsibilities, "shared"] as const;
export type CaseResponsibility = Responsibility | "shared";

/** What the complaint row holds of the owner's finding. */
export interface Finding {
  responsibility: CaseResponsibility | null;
  substantiated: boolean | null;
  /** When the owner (or someone above) recorded it; a department's result alone never sets it. */
  findingAt: Date | string | null;
}

/**
 * The owner has judged the case: responsibility and 属实 recorded by a person on the case. A lead
 * department's result fills both beforehand as a proposal, which is not yet the owner's word.
 */
export const hasOwnerFinding = (f: Finding): boolean =>
  f.findingAt !== null && f.responsibility !== null && f.substantiated !== null;

/** The contact that flags a case: 事不过三, so the third. */
export const THIRD_CONTACT = 3;

/** Statuses in which the customer has had the owner's answer. */
const answered: readonly ComplaintStatus[] = [
  "replied",
  "followed_up",
  "closed",
  "withdrawn",
  "merged",
];

/**
 * 事不过三: the case is flagged once, when the customer's contacts about it (calls in and out,
 * messages, visits, on the case and on the cases merged into it) reach three while it is not yet
 * replied. Later contacts, and a case already flagged, change nothing.
 */
export function reachesThirdContact(c: {
  status: ComplaintStatus;
  flags: readonly string[];
  contacts: number;
}): boolean {
  return (
    !c.flags.includes("third_contact") &&
    !answered.includes(c.status) &&
    c.contacts >= THIRD_CONTACT
  );
}
