import { describe, expect, it } from "vitest";
import {
  canEditKnowledge,
  canSeeReadReceipts,
  isEffective,
  isUnread,
  isValidPeriod,
  normaliseTags,
} from "./knowledge.js";

const at = (iso: string) => new Date(iso);

describe("an article's effective period", () => {
  const period = {
    effectiveFrom: at("2026-12-01T00:00:00Z"),
    effectiveTo: at("2027-01-01T00:00:00Z"),
  };

  it("starts at its start and ends before its end", () => {
    expect(isEffective(period, at("2026-11-30T23:59:59Z"))).toBe(false);
    expect(isEffective(period, at("2026-12-01T00:00:00Z"))).toBe(true);
    expect(isEffective(period, at("2026-12-31T23:59:59Z"))).toBe(true);
    expect(isEffective(period, at("2027-01-01T00:00:00Z"))).toBe(false);
  });

  it("is open on a side left empty", () => {
    expect(
      isEffective({ effectiveFrom: null, effectiveTo: null }, at("2000-01-01T00:00:00Z")),
    ).toBe(true);
    expect(isEffective({ ...period, effectiveTo: null }, at("2099-01-01T00:00:00Z"))).toBe(true);
  });

  it("is refused when it ends before it starts", () => {
    expect(
      isValidPeriod({ effectiveFrom: period.effectiveTo, effectiveTo: period.effectiveFrom }),
    ).toBe(false);
    expect(
      isValidPeriod({ effectiveFrom: period.effectiveFrom, effectiveTo: period.effectiveFrom }),
    ).toBe(false);
    expect(isValidPeriod(period)).toBe(true);
    expect(isValidPeriod({ effectiveFrom: null, effectiveTo: period.effectiveTo })).toBe(true);
  });
});

describe("a must-read update", () => {
  it("waits until its current version is read, and comes back with a new version", () => {
    expect(isUnread({ mustRead: true, version: 1 }, null)).toBe(true);
    expect(isUnread({ mustRead: true, version: 1 }, 1)).toBe(false);
    expect(isUnread({ mustRead: true, version: 2 }, 1)).toBe(true);
    expect(isUnread({ mustRead: false, version: 2 }, null)).toBe(false);
  });
});

describe("who keeps the knowledge base", () => {
  it("is supervisors and admins; they alone see who has read", () => {
    const editors = (
      ["agent", "specialist", "department_handler", "supervisor", "quality", "admin"] as const
    ).filter(canEditKnowledge);
    expect(editors).toEqual(["supervisor", "admin"]);
    expect(canSeeReadReceipts("agent")).toBe(false);
    expect(canSeeReadReceipts("supervisor")).toBe(true);
  });
});

it("keeps tags trimmed and each once", () => {
  expect(normaliseTags([" 年费 ", "年费", "", "退费"])).toEqual(["年费", "退费"]);
});
