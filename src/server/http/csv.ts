/** Excel guesses the encoding of a CSV without it and shows Chinese as mojibake. */
export const UTF8_BOM = "\uFEFF";

// Spreadsheets run a cell that starts with one of these as a formula, so customer-typed text
// like "=HYPERLINK(…)" could act on the admin's machine (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field per RFC 4180: quoted only when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ended by CRLF as RFC 4180 asks. */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
