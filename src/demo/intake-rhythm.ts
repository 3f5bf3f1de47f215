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

const running = (weights: readonly number[]) => {
  let sum = 0;
  return weights.map((w) => {
    sum += w;
    return sum;
  });
};

/** The first index whose running sum passes `target`, and how far into its weight it falls (0–1). */
function locate(cumulative: readonly number[], target: number): [index: number, within: number] {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  const before = lo === 0 ? 0 : cumulative[lo - 1]!;
  return [lo, (target - before) / (cumulative[lo]! - before)];
}

const byHour = running(hourWeights);

/**
 * The rhythm over the `days` local days up to `now` as a map from [0, 1) onto that span, rising:
 * evenly spread inputs give receipts in the rhythm, in order, without sorting a million of them.
 * Today counts only up to now.
 */
export function intakeRhythm(now: Date, days = 365): (u: number) => Date {
  const today = Math.floor((now.getTime() + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;
  const starts = Array.from({ length: days }, (_, i) => today - (days - 1 - i) * DAY);
  const elapsedToday = (now.getTime() - today) / DAY;
  const weights = starts.map(
    (start, i) =>
      dayWeight(new Date(start + CHINA_OFFSET).toISOString().slice(0, 10), days - 1 - i) *
      (i === days - 1 ? elapsedToday : 1),
  );
  const byDay = running(weights);
  return (u) => {
    const [day, within] = locate(byDay, u * byDay.at(-1)!);
    const [hour, inHour] = locate(byHour, within * byHour.at(-1)!);
    const span = day === days - 1 ? elapsedToday : 1;
    return new Date(starts[day]! + Math.floor(((hour + inHour) / 24) * span * DAY));
  };
}

/** `count` receipt times in the rhythm over the `days` before `now`, oldest first. */
export function receiptTimes(rng: Random, count: number, now: Date, days = 365): Date[] {
  const at = intakeRhythm(now, days);
  return Array.from({ length: count }, (_, i) => at((i + rng.next()) / count));
}
