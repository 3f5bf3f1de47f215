import { createHmac, timingSafeEqual } from "node:crypto";

/** `sha256=<hex>` of the exact body, keyed with the webhook's secret. */
export const signature = (secret: string, body: string | Buffer) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/** Whether a pushed body carries the signature its sender's secret gives, compared in constant time. */
export function signatureMatches(secret: string, body: string | Buffer, given: string | undefined) {
  if (!given) return false;
  const expected = Buffer.from(signature(secret, body));
  const actual = Buffer.from(given.trim());
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
