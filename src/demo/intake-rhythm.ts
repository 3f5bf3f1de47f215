// When complaints arrive over a year, for the demo and the benchmark data: more on Mondays, few at
// weekends and on public holidays, peaks in January (annual fees, heating bills) and after 双十一
// (payments, deliveries), a summer bump (power cuts), one incident that floods the lines for three
// days, and office hours within the day. China keeps one UTC offset (+8), so local days are exact.

import { chinaHolidayYears } from "../domain/sla/china-holidays.js";
import type { Random } from "./seeded-random.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;

/** Monday first. */
const weekdayWeights = [1.2, 1.05, 1, 1, 0.95, 0.5, 0.4];
/** Midnight to 23:00: a morning and an afternoon peak, quiet nights. */
const hourWeights = [
  0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.2, 2.2, 2.4, 2, 1.2, 1.6, 2.2, 2.3, 2, 1.4, 0.9,
  0.8, 0.7, 0.5, 0.3, 0.2,
];

/** The incident (a system outage, seed 000's broken ATMs): this many days before now, 3 days long. */
export const INCIDENT_DAYS_AGO = 100;
const incidentFactors = [4, 3, 2];

const holidays = new Set(chinaHolidayYears.flatMap((y) => y.holidays));
const makeUpWorkdays = new Set(chinaHolidayYears.flatMap((y) => y.makeUpWorkdays));

function seasonFactor(month: number, dayOfMonth: number): number {
  if (month === 11 && dayOfMonth >= 11 && dayOfMonth <= 25) return 1.5;
  if (month === 1 && dayOfMonth >= 5 && dayOfMonth <= 25) return 1.3;
  if (month === 7 || month === 8) return 1.25;
  return 1;
}

/** How busy a local day is, relative to an ordinary Wednesday. */
export function dayWeight(localDate: string, daysAgo: number): number {
  const d = new Date(`${localDate}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  let weight = makeUpWorkdays.has(localDate) ? 0.9 : weekdayWeights[weekday]!;
  if (holidays.has(localDate)) weight = 0.3;
  weight *= seasonFactor(d.getUTCMonth() + 1, d.getUTCDate());
  const incidentDay = INCIDENT_DAYS_AGO - daysAgo;
  if (incidentDay >= 0 && incidentDay < incidentFactors.length)
    weight *= incidentFactors[incidentDay]!;
  return weight;
}

/** Picks an index by weight from a running sum. */
function pickCumulative(rng: Random, cumulative: readonly number[]): number {
  const target = rng.next() * cumulative.at(-1)!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const running = (weights: readonly number[]) => {
  let sum = 0;
  return weights.map((w) => (sum += w));
};

/**
 * `count` receipt times within the `days` local days before `now` (today, up to now, included),
 * oldest first, spread by the rhythm above.
 */
export function receiptTimes(rng: Random, count: number, now: Date, days = 365): Date[] {
  const localMidnightToday = Math.floor((now.getTime() + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;
  const starts = Array.from({ length: days }, (_, i) => localMidnightToday - (days - 1 - i) * DAY);
  const weights = starts.map((start, i) =>
    dayWeight(new Date(start + CHINA_OFFSET).toISOString().slice(0, 10), days - 1 - i),
  );
  const byDay = running(weights);
  const byHour = running(hourWeights);
  const times = Array.from({ length: count }, () => {
    const start = starts[pickCumulative(rng, byDay)]!;
    const at = start + pickCumulative(rng, byHour) * HOUR + Math.floor(rng.next() * HOUR);
    // Today's hours still to come are not history yet: fold them back into the past hours.
    return new Date(
      at > now.getTime() ? start + ((at - start) % Math.max(1, now.getTime() - start)) : at,
    );
  });
  return times.sort((a, b) => a.getTime() - b.getTime());
}
