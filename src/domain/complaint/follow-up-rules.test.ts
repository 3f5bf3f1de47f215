import { describe, expect, it } from "vitest";
import { closeRefusal, defaultServiceSettings, mayRecordFollowUp } from "./follow-up-rules.js";

describe("who records the follow-up visit", () => {
  it("is someone other than the owner unless the center allows owners", () => {
    expect(mayRecordFollowUp("u1", "u1", { followUpByOwner: false })).toBe(false);
    expect(mayRecordFollowUp("u2", "u1", { followUpByOwner: false })).toBe(true);
    expect(mayRecordFollowUp("u1", null, { followUpByOwner: false })).toBe(true);
    expect(mayRecordFollowUp("u1", "u1", { followUpByOwner: true })).toBe(true);
  });

  it("defaults to independent follow-up and three tries", () => {
    expect(defaultServiceSettings).toEqual({ followUpByOwner: false, unreachableAttempts: 3 });
  });
});

describe("closing without a follow-up visit", () => {
  const settings = { unreachableAttempts: 3 };

  it("needs a reason code straight from replied, not after the visit", () => {
    const base = { reasonCode: undefined, failedAttempts: 0, settings };
    expect(closeRefusal({ ...base, status: "replied" })).toEqual({
      code: "close_reason_required",
    });
    expect(closeRefusal({ ...base, status: "followed_up" })).toBeNull();
  });

  it("takes 'unreachable' only after the policy's number of failed tries", () => {
    const unreachable = { status: "replied" as const, reasonCode: "customer_unreachable" as const };
    expect(closeRefusal({ ...unreachable, failedAttempts: 2, settings })).toEqual({
      code: "follow_up_attempts_required",
      attempts: 2,
      required: 3,
    });
    expect(closeRefusal({ ...unreachable, failedAttempts: 3, settings })).toBeNull();
    expect(
      closeRefusal({ ...unreachable, failedAttempts: 1, settings: { unreachableAttempts: 1 } }),
    ).toBeNull();
  });

  it("takes the other reasons without tries", () => {
    for (const reasonCode of ["customer_declined_follow_up", "duplicate", "other"] as const)
      expect(closeRefusal({ status: "replied", reasonCode, failedAttempts: 0, settings })).toBe(
        null,
      );
  });
});
