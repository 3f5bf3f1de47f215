// Money is counted in whole fen (分): yuan amounts arrive as decimal strings ("200.00") and are
// never floats, so 0.10 + 0.20 is exactly 0.30 and a ledger's total equals its rows.

/** Yuan as written by a person or client: digits with at most two decimals, no sign, no grouping. */
export const yuanPattern = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/** "200.5" → 20050 fen; null when the text is not an amount in yuan. */
export function fenFromYuan(text: string): number | null {
  const match = yuanPattern.exec(text);
  if (!match) return null;
  const [, whole, decimals = ""] = match;
  return Number(whole) * 100 + Number(decimals.slice(1).padEnd(2, "0"));
}

/** 20050 → "200.50": always two decimals, the form the API answers in. */
export function yuanFromFen(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
