/** 8D-2026-0001: the year the case was opened and its number within that year. */
export function qualityCaseNumber(year: number, sequence: number): string {
  return `8D-${year}-${String(sequence).padStart(4, "0")}`;
}

const pattern = /^8D-(\d{4})-(\d{4,})$/;

export function parseQualityCaseNumber(number: string): { year: number; sequence: number } | null {
  const match = pattern.exec(number);
  return match ? { year: Number(match[1]), sequence: Number(match[2]) } : null;
}
