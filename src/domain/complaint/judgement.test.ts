import { describe, expect, it } from "vitest";
import { hasOwnerFinding, reachesThirdContact } from "./judgement.js";

describe("the owner's finding a close waits for", () => {
  const at = new Date("2026-12-01T08:00:00Z");

  it("is there once the owner recorded responsibility and 属实", () => {
    expect(hasOwnerFinding({ responsibility: "shared", substantiated: false, findingAt: at })).toBe(
      true,
    );
  });

  it("is not a lead department's proposal, however complete", () => {
    expect(
      hasOwnerFinding({ responsibility: "company", substantiated: true, findingAt: null }),
    ).toBe(false);
  });

  it("needs both parts", () => {
    expect(hasOwnerFinding({ responsibility: "company", substantiated: null, findingAt: at })).toBe(
      false,
    );
    expect(hasOwnerFinding({ responsibility: null, substantiated: true, findingAt: at })).toBe(
      false,
    );
  });
});

describe("事不过三", () => {
  const unanswered = { status: "dispatched" as const, flags: [], contacts: 3 };

  it("flags the third contact of a case not yet replied", () => {
    expect(reachesThirdContact(unanswered)).toBe(true);
    expect(reachesThirdContact({ ...unanswered, status: "reopened" })).toBe(true);
  });

  it("waits for the third", () => {
    expect(reachesThirdContact({ ...unanswered, contacts: 2 })).toBe(false);
  });

  it("flags once: a fourth contact of a flagged case changes nothing", () => {
    expect(reachesThirdContact({ ...unanswered, contacts: 4, flags: ["third_contact"] })).toBe(
      false,
    );
  });

  it("leaves a replied or finished case alone", () => {
    for (const status of ["replied", "followed_up", "closed", "withdrawn", "merged"] as const)
      expect(reachesThirdContact({ ...unanswered, status })).toBe(false);
  });
});
