import { describe, expect, it } from "vitest";
import type { DemoStep } from "./demo-plan.js";
import { stepTimes } from "./demo-timing.js";
import { seededRandom } from "./seeded-random.js";

const steps: DemoStep[] = [
  { by: "a", do: "assign", owner: "a" },
  { by: "a", do: "dispatch", departments: [{ code: "BILL" }] },
  { by: "h", do: "accept", department: "BILL" },
  { by: "a", do: "reply", message: "已处理" },
  { by: "a", do: "close", reason: "满意" },
];
const now = new Date("2026-12-06T04:00:00Z");

describe("demo step times", () => {
  it("follow the receipt in order, each at a plausible later time", () => {
    const received = new Date("2026-03-02T02:00:00Z");
    const times = stepTimes(seededRandom(1), steps, received, now);
    expect(times).toHaveLength(steps.length);
    expect(times[0]!.getTime() - received.getTime()).toBeLessThanOrEqual(2 * 3_600_000);
    for (let i = 1; i < times.length; i++) expect(times[i]! > times[i - 1]!).toBe(true);
  });

  it("squeezes a recent case's steps into the time it has had", () => {
    const received = new Date(now.getTime() - 3_600_000);
    const times = stepTimes(seededRandom(1), steps, received, now);
    expect(times.at(-1)!.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(times[0]! > received).toBe(true);
  });
});
