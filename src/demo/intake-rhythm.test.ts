import { describe, expect, it } from "vitest";
import { dayWeight, INCIDENT_DAYS_AGO, receiptTimes } from "./intake-rhythm.js";
import { seededRandom } from "./seeded-random.js";

const now = new Date("2026-12-06T04:00:00Z");
const DAY = 86_400_000;
const localDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

describe("intake rhythm", () => {
  const times = receiptTimes(seededRandom(3), 20_000, now);

  it("places every receipt in the last 12 months, oldest first, none in the future", () => {
    expect(times[0]!.getTime()).toBeGreaterThan(now.getTime() - 366 * DAY);
    expect(times.at(-1)!.getTime()).toBeLessThanOrEqual(now.getTime());
    const outOfOrder = times.filter((t, i) => i > 0 && t < times[i - 1]!);
    expect(outOfOrder).toEqual([]);
  });

  it("weekdays are busier than weekends, holidays quieter still", () => {
    const byWeekday = Array(7).fill(0);
    for (const t of times) byWeekday[new Date(localDay(t)).getUTCDay()]++;
    expect(byWeekday[1]).toBeGreaterThan(byWeekday[6] * 2);
    expect(dayWeight("2026-10-01", 66)).toBeLessThan(dayWeight("2026-10-14", 53));
  });

  it("has an incident spike and a seasonal peak", () => {
    const perDay = new Map<string, number>();
    for (const t of times) perDay.set(localDay(t), (perDay.get(localDay(t)) ?? 0) + 1);
    const incident = localDay(new Date(now.getTime() - INCIDENT_DAYS_AGO * DAY));
    const weekBefore = localDay(new Date(now.getTime() - (INCIDENT_DAYS_AGO + 7) * DAY));
    expect(perDay.get(incident)!).toBeGreaterThan(3 * perDay.get(weekBefore)!);
    expect(dayWeight("2026-11-18", 18)).toBeGreaterThan(dayWeight("2026-10-21", 46));
  });

  it("most receipts fall in office hours", () => {
    const office = times.filter((t) => {
      const hour = (t.getUTCHours() + 8) % 24;
      return hour >= 9 && hour < 18;
    });
    expect(office.length / times.length).toBeGreaterThan(0.6);
  });
});
