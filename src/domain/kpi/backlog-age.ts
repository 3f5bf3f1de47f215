// Backlog ageing (积压账龄): open cases by how many of the center's days they have been open. A
// bucket is a range of receipt days, so the dashboard's drill-down asks the queue for exactly
// those days.

import { addDaysToDate } from "../sla/zoned-time.js";

/** Ages in whole days since the day of receipt (0 = received today); the last has no end. */
export const backlogAges = [
  { key: "0-3", min: 0, max: 3 },
  { key: "4-7", min: 4, max: 7 },
  { key: "8-15", min: 8, max: 15 },
  { key: "16-30", min: 16, max: 30 },
  { key: "31-60", min: 31, max: 60 },
  { key: "61+", min: 61, max: null },
] as const;
export type BacklogAge = (typeof backlogAges)[number]["key"];

/** The bucket of a case received `age` days before today. */
export function backlogAgeOf(age: number): BacklogAge {
  const found = backlogAges.find((b) => age >= b.min && (b.max === null || age <= b.max));
  return (found ?? backlogAges[0]).key;
}

/** The receipt days (both inclusive; `from` null: any earlier) a bucket holds on `today`. */
export function receiptDaysOf(
  bucket: (typeof backlogAges)[number],
  today: string,
): { from: string | null; to: string } {
  return {
    from: bucket.max === null ? null : addDaysToDate(today, -bucket.max),
    to: addDaysToDate(today, -bucket.min),
  };
}
