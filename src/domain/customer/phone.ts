/**
 * One spelling per number, so "+86 138-0013-8000", "008613800138000" and "13800138000" find the
 * same customer. Landlines keep their area code ("010-8888 6666" → "01088886666").
 */
export function normalisePhone(raw: string): string {
  let digits = raw.replace(/\D/g, "");
  if (digits.startsWith("0086")) digits = digits.slice(4);
  else if (digits.startsWith("86") && digits.length === 13) digits = digits.slice(2);
  return digits;
}

/** A whole mainland mobile number (normalised). */
export const isMobile = (normalised: string): boolean => /^1[3-9]\d{9}$/.test(normalised);

/** Mainland mobile numbers, or landlines/hotlines of 5–12 digits. */
export function isPlausiblePhone(normalised: string): boolean {
  return isMobile(normalised) || /^\d{5,12}$/.test(normalised);
}
