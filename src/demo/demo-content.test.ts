import { describe, expect, it } from "vitest";
import { complaintStatuses } from "../domain/complaint/complaint-lifecycle.js";
import { generateDemo } from "./demo-content.js";
import { idCheckDigit } from "./demo-people.js";
import { fill, seededRandom } from "./seeded-random.js";
import { seedStories } from "./stories/seed-stories.js";

describe("generateDemo", () => {
  it("gives the same plans for the same seed and different ones for another", () => {
    const a = generateDemo({ complaints: 60, seed: 42 });
    expect(generateDemo({ complaints: 60, seed: 42 })).toEqual(a);
    expect(generateDemo({ complaints: 60, seed: 43 })).not.toEqual(a);
  });

  it("makes exactly the number asked for, starting with the seed documents' stories", () => {
    for (const complaints of [20, 21, 300]) {
      const plans = generateDemo({ complaints, seed: 1 });
      expect(plans).toHaveLength(complaints);
      expect(plans.slice(0, seedStories.length)).toEqual(seedStories);
    }
  });

  it("aims at every lifecycle state even in a small demo", () => {
    for (const seed of [1, 2, 3]) {
      const targets = new Set(generateDemo({ complaints: 20, seed }).map((p) => p.expected));
      expect([...targets].sort()).toEqual([...complaintStatuses].sort());
    }
  });

  it("gives some customers several complaints, and merges only into that customer's case", () => {
    const plans = generateDemo({ complaints: 300, seed: 42 });
    const perCustomer = new Map<string, number>();
    for (const p of plans)
      perCustomer.set(p.customer.phone, (perCustomer.get(p.customer.phone) ?? 0) + 1);
    expect([...perCustomer.values()].filter((n) => n >= 3).length).toBeGreaterThan(5);
    const byRef = new Map(plans.map((p) => [p.ref, p]));
    for (const plan of plans)
      for (const step of plan.steps)
        if (step.do === "merge") {
          const parent = byRef.get(step.into)!;
          expect(parent.customer.phone).toBe(plan.customer.phone);
          expect(plans.indexOf(parent)).toBeLessThan(plans.indexOf(plan));
        }
  });

  it("fills every placeholder and covers upper-level transfers from the four hotlines", () => {
    const plans = generateDemo({ complaints: 300, seed: 42 });
    const text = JSON.stringify(plans);
    expect(text).not.toMatch(/\{\w+\}/);
    const hotlines = new Set(plans.map((p) => p.intake.complaint.transfer?.hotline));
    for (const h of ["12345", "96169", "95598", "12378"]) expect(hotlines).toContain(h);
    expect(plans.some((p) => p.steps.some((s) => s.do === "upgrade"))).toBe(true);
    expect(plans.some((p) => p.steps.some((s) => s.do === "return"))).toBe(true);
  });
});

describe("seeded helpers", () => {
  it("repeats the same sequence for the same seed", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(
      Array.from({ length: 5 }, () => b.next()),
    );
  });

  it("fills templates and refuses unknown placeholders", () => {
    expect(fill("排队{queue}人", { queue: 39 })).toBe("排队39人");
    expect(() => fill("{missing}", {})).toThrow(/missing/);
  });

  it("computes the ID-card check digit (GB 11643)", () => {
    expect(idCheckDigit("11010519491231002")).toBe("X");
  });
});
