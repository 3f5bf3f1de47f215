import { isPlausiblePhone, normalisePhone } from "./phone.js";

/**
 * What an agent may type in the intake box to find the caller: each kind is looked up where it
 * lives (the customer's fields, the case numbers, an upper-level hotline's own number).
 */
export const identifierKinds = [
  "complaint_number",
  "quality_case_number",
  "id_number",
  "email",
  "phone",
  "account",
  "external_number",
  "name",
] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

/** One reading of the input: the kind it could be and its value as that kind is stored. */
export interface IdentifierReading {
  kind: IdentifierKind;
  value: string;
}

const COMPLAINT_NUMBER = /^KS\d{8}-\d{6,}$/i;
const QUALITY_CASE_NUMBER = /^8D-\d{4}-\d{4,}$/i;
const ID_NUMBER = /^\d{17}[\dX]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Account, card, contract and meter numbers: letters, digits and dashes, at least 4 long. */
const ACCOUNT = /^[0-9A-Z][0-9A-Z-]{3,63}$/;
const HAN = /\p{Script=Han}/u;

/**
 * Every kind the input could be, most specific first: a case number or a valid ID number is
 * nothing else, while a run of digits may be a phone and an account (or meter, or card) number
 * at once, and the lookup tries both rather than guess.
 */
export function readIdentifier(raw: string): IdentifierReading[] {
  const input = raw.trim();
  if (!input) return [];
  const compact = input.replace(/[\s-]/g, "").toUpperCase();
  if (COMPLAINT_NUMBER.test(input))
    return [{ kind: "complaint_number", value: input.toUpperCase() }];
  if (QUALITY_CASE_NUMBER.test(input))
    return [{ kind: "quality_case_number", value: input.toUpperCase() }];
  // An all-digit ID's check could pass by chance for an 18-digit card number: try both.
  if (isIdNumber(compact))
    return [
      { kind: "id_number", value: compact },
      ...(compact.endsWith("X") ? [] : [{ kind: "account" as const, value: compact }]),
    ];
  if (EMAIL.test(input)) return [{ kind: "email", value: input.toLowerCase() }];
  if (HAN.test(input)) return [{ kind: "name", value: input }];
  const readings: IdentifierReading[] = [];
  const phone = normalisePhone(input);
  if (/^[\d\s()+-]+$/.test(input) && isPlausiblePhone(phone))
    readings.push({ kind: "phone", value: phone });
  if (ACCOUNT.test(input.toUpperCase()))
    readings.push({ kind: "account", value: input.toUpperCase() });
  else if (ACCOUNT.test(compact)) readings.push({ kind: "account", value: compact });
  readings.push({ kind: "external_number", value: input });
  return readings;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

/**
 * A mainland resident ID (GB 11643): 17 digits, a real birth date at 7–14, and the ISO 7064
 * MOD 11-2 check character, so a mistyped digit is caught rather than looked up.
 */
export function isIdNumber(value: string): boolean {
  if (!ID_NUMBER.test(value)) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  if (ID_CHECK[sum % 11] !== value[17]) return false;
  const [year, month, day] = [value.slice(6, 10), value.slice(10, 12), value.slice(12, 14)].map(
    Number,
  ) as [number, number, number];
  const birth = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
}
