import { describe, expect, it } from "vitest";
import { initialDueAt } from "./initial-due-date.js";

const received = new Date("2026-11-23T02:00:00Z");

describe("initial due date", () => {
  it("gives a complaint 15 days and an inquiry 2", () => {
    expect(initialDueAt("complaint", received).toISOString()).toBe("2026-12-08T02:00:00.000Z");
    expect(initialDueAt("inquiry", received).toISOString()).toBe("2026-11-25T02:00:00.000Z");
  });
  it("takes an upper-level transfer's deadline when it is earlier", () => {
    const external = new Date("2026-11-30T10:00:00Z");
    expect(initialDueAt("complaint", received, external)).toEqual(external);
  });
  it("keeps its own deadline when the external one is later", () => {
    expect(initialDueAt("inquiry", received, new Date("2027-01-01T00:00:00Z")).toISOString()).toBe(
      "2026-11-25T02:00:00.000Z",
    );
  });
});
