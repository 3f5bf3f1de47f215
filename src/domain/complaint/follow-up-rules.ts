// The follow-up visit (回访) and closing without one. A call center checks its own work through
// someone who did not do it, and closes a replied case unvisited only for a reason it can show:
// an "unreachable" customer must have been tried, each try a logged contact.

import type { ComplaintStatus } from "./complaint-lifecycle.js";

/** Why a replied case closes without a follow-up visit. */
export const closeReasonCodes = [
  "customer_unreachable",
  "customer_declined_follow_up",
  "confirmed_at_reply",
  "duplicate",
  "other",
] as const;
export type CloseReasonCode = (typeof closeReasonCodes)[number];

/** What a contact came to: a failed outbound try (`unreachable`) counts towards closing unvisited. */
export const contactOutcomes = ["reached", "unreachable"] as const;
export type ContactOutcome = (typeof contactOutcomes)[number];

/** The center's own choices (管理 → 服务设置), one set per kesu. */
export interface ServiceSettings {
  /** false: the follow-up visit is recorded by someone other than the case's owner. */
  followUpByOwner: boolean;
  /** Failed follow-up tries before a replied case may close as `customer_unreachable`. */
  unreachableAttempts: number;
}

export const defaultServiceSettings: ServiceSettings = {
  followUpByOwner: false,
  unreachableAttempts: 3,
};

export const UNREACHABLE_ATTEMPTS_MAX = 20;

/** Whether this person may record the follow-up visit of a case owned by `ownerId`. */
export function mayRecordFollowUp(
  actorId: string,
  ownerId: string | null,
  settings: Pick<ServiceSettings, "followUpByOwner">,
): boolean {
  return settings.followUpByOwner || ownerId !== actorId;
}

export type CloseRefusal =
  | { code: "close_reason_required" }
  | { code: "follow_up_attempts_required"; attempts: number; required: number };

/**
 * A close from `replied` skips the follow-up visit, so it names why; `customer_unreachable` only
 * after the policy's number of failed tries since the reply. From `followed_up` the code is free.
 */
export function closeRefusal(input: {
  status: ComplaintStatus;
  reasonCode: CloseReasonCode | undefined;
  failedAttempts: number;
  settings: Pick<ServiceSettings, "unreachableAttempts">;
}): CloseRefusal | null {
  if (input.status !== "replied") return null;
  if (!input.reasonCode) return { code: "close_reason_required" };
  const required = input.settings.unreachableAttempts;
  if (input.reasonCode === "customer_unreachable" && input.failedAttempts < required)
    return { code: "follow_up_attempts_required", attempts: input.failedAttempts, required };
  return null;
}
