// The customer portal's rules against abuse and what a customer is shown of a case, without I/O.

import type { ComplaintStatus } from "../complaint/complaint-lifecycle.js";

/** A one-time code lives ten minutes and allows five tries. */
export const CODE_TTL_MS = 10 * 60_000;
export const CODE_TRIES = 5;

/** How many requests of one kind one phone or one address may make within the window. */
export const portalLimits = {
  code: { perPhone: 3, perAddress: 10, windowMs: 60 * 60_000 },
  track: { perPhone: 20, perAddress: 30, windowMs: 60 * 60_000 },
  file: { perPhone: 5, perAddress: 10, windowMs: 24 * 60 * 60_000 },
} as const;
export type PortalAction = keyof typeof portalLimits;

/** The longest text a customer may write in one field of the portal. */
export const PORTAL_TEXT_CAP = 2000;

export type CodeCheck = "ok" | "wrong" | "expired" | "used_up";

/** Whether a typed code opens this stored one: not expired, tries left, and the same hash. */
export function checkCode(
  stored: { codeHash: string; expiresAt: Date; attempts: number; usedAt: Date | null },
  typedHash: string,
  now: Date,
): CodeCheck {
  if (stored.usedAt || stored.expiresAt <= now) return "expired";
  if (stored.attempts >= CODE_TRIES) return "used_up";
  return stored.codeHash === typedHash ? "ok" : "wrong";
}

/** Letters and digits that read aloud and type without confusion (no 0/O, 1/I/L). */
const ACCESS_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** An 8-character access code from random bytes (one byte per character). */
export function accessCodeFrom(bytes: Uint8Array): string {
  return Array.from(bytes.slice(0, 8), (b) => ACCESS_ALPHABET[b % ACCESS_ALPHABET.length]).join("");
}

/** A 6-digit one-time code from random bytes. */
export function oneTimeCodeFrom(bytes: Uint8Array): string {
  const n = ((bytes[0]! << 16) | (bytes[1]! << 8) | bytes[2]!) % 1_000_000;
  return String(n).padStart(6, "0");
}

/** Where the case is, in the customer's words: received, being handled, replied or finished. */
export type CustomerStage = "received" | "in_progress" | "replied" | "closed";

export function customerStage(status: ComplaintStatus): CustomerStage {
  if (status === "received") return "received";
  if (status === "replied" || status === "followed_up") return "replied";
  if (status === "closed" || status === "withdrawn" || status === "merged") return "closed";
  return "in_progress";
}

/** The timeline events that mean work done, as the customer is told of them; others are internal. */
const progressSteps: Record<string, string> = {
  created: "received",
  assigned: "assigned",
  dispatched: "investigating",
  work_order_result: "investigated",
  extension_approved: "extended",
  replied: "replied",
  reopened: "reopened",
  followed_up: "followed_up",
  closed: "closed",
  customer_added_information: "information_added",
};

/** The case's work so far as the customer may read it: only known steps, never the event's data. */
export function customerProgress(events: readonly { type: string; at: Date }[]) {
  return events.flatMap((e) => {
    const step = progressSteps[e.type];
    return step ? [{ step, at: e.at }] : [];
  });
}
