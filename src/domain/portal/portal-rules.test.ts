import { describe, expect, it } from "vitest";
import {
  accessCodeFrom,
  CODE_TRIES,
  checkCode,
  customerProgress,
  customerStage,
  oneTimeCodeFrom,
} from "./portal-rules.js";

const now = new Date("2026-12-06T10:00:00Z");
const stored = (over = {}) => ({
  codeHash: "h",
  expiresAt: new Date(now.getTime() + 60_000),
  attempts: 0,
  usedAt: null,
  ...over,
});

describe("one-time codes", () => {
  it("opens with the right code until it expires, is used, or its tries are spent", () => {
    expect(checkCode(stored(), "h", now)).toBe("ok");
    expect(checkCode(stored(), "x", now)).toBe("wrong");
    expect(checkCode(stored({ expiresAt: now }), "h", now)).toBe("expired");
    expect(checkCode(stored({ usedAt: now }), "h", now)).toBe("expired");
    expect(checkCode(stored({ attempts: CODE_TRIES }), "h", now)).toBe("used_up");
  });

  it("makes six-digit codes and eight-character access codes without look-alike characters", () => {
    expect(oneTimeCodeFrom(new Uint8Array([0, 0, 7]))).toBe("000007");
    expect(accessCodeFrom(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 30, 99]))).toMatch(
      /^[2-9A-HJKMNP-Z]{8}$/,
    );
  });
});

describe("what the customer is shown", () => {
  it("names the stage and only the known steps, never internal ones", () => {
    expect(customerStage("dispatched")).toBe("in_progress");
    expect(customerStage("followed_up")).toBe("replied");
    const at = now;
    expect(
      customerProgress([
        { type: "created", at },
        { type: "note", at },
        { type: "dispatched", at },
        { type: "replied", at },
      ]).map((s) => s.step),
    ).toEqual(["received", "investigating", "replied"]);
  });
});
