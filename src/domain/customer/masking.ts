import { canSeePersonalData, type Role } from "../access/roles.js";

/** 13800138000 → 138****8000: enough to confirm with the caller, not enough to misuse. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return `${phone.slice(0, 1)}****`;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 110101199003071234 → 110***********1234 (length kept, so the kind of document stays visible). */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 7) return "*".repeat(idNumber.length);
  return `${idNumber.slice(0, 3)}${"*".repeat(idNumber.length - 7)}${idNumber.slice(-4)}`;
}

/** Account, contract and meter numbers show their last four digits only. */
export function maskAccountNo(accountNo: string): string {
  if (accountNo.length <= 4) return "*".repeat(accountNo.length);
  return `${"*".repeat(accountNo.length - 4)}${accountNo.slice(-4)}`;
}

/**
 * A phone, ID, card or account number written into free text: a run of at least seven digits,
 * maybe in groups ("138 0013 8000", "6222-0212-3456-7890"), an ID's check letter X at its end.
 * Not after a letter, digit or dash, so case numbers (KS20261123-000042, 8D-2026-0001) stay
 * whole. The database's kesu_without_identifiers() finds the same tokens (migration 0016).
 */
const IDENTIFIER_TOKEN = /(?<![0-9A-Za-z-])[0-9]{3,}(?:[ -][0-9]{3,})*[Xx]?(?![0-9])/g;
const MIN_IDENTIFIER_DIGITS = 7;
const isDigit = (ch: string) => /[0-9Xx]/.test(ch);

/** Replaces each identifier found in the text (see IDENTIFIER_TOKEN) with what `replace` gives. */
export function replaceIdentifiers(text: string, replace: (token: string) => string): string {
  return text.replace(IDENTIFIER_TOKEN, (token) =>
    [...token].filter(isDigit).length < MIN_IDENTIFIER_DIGITS ? token : replace(token),
  );
}

/**
 * Free text as a role without access to personal data reads it: each identifier masked as its
 * field would be (a mobile or ID number keeps its first three and last four digits, any other
 * its last four), separators kept.
 */
export function maskIdentifiersInText(text: string): string {
  return replaceIdentifiers(text, (token) => {
    const digits = [...token].filter(isDigit).length;
    const keepFirst = (digits === 11 && token.startsWith("1")) || digits === 18 ? 3 : 0;
    let seen = 0;
    return [...token]
      .map((ch) => {
        if (!isDigit(ch)) return ch;
        seen++;
        return seen <= keepFirst || seen > digits - 4 ? ch : "*";
      })
      .join("");
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every string inside a timeline event's or notice's data, masked; identifiers of records kept. */
export function maskIdentifiersDeep<T>(value: T): T {
  if (typeof value === "string")
    return (UUID.test(value) ? value : maskIdentifiersInText(value)) as T;
  if (Array.isArray(value)) return value.map(maskIdentifiersDeep) as T;
  if (value && typeof value === "object" && !(value instanceof Date))
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, maskIdentifiersDeep(v)]),
    ) as T;
  return value;
}

/** Free text (or data holding it) as this role may read it. */
export function textShownTo(role: Role): <T>(value: T) => T {
  return canSeePersonalData(role) ? (value) => value : maskIdentifiersDeep;
}
