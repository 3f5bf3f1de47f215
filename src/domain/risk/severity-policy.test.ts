import { describe, expect, it } from "vitest";
import { severityForRisk } from "./severity-policy.js";

const open = { level: "high" as const, open: true };

describe("a high escalation risk raises severity per policy", () => {
  it("raises an open high-risk case to the policy's floor", () => {
    expect(severityForRisk("low", open, "high")).toBe("high");
    expect(severityForRisk("normal", open, "high")).toBe("high");
    expect(severityForRisk("normal", open, "critical")).toBe("critical");
  });

  it("never lowers: a case above the floor keeps its severity", () => {
    expect(severityForRisk("critical", open, "high")).toBe("critical");
    expect(severityForRisk("high", open, "normal")).toBe("high");
  });

  it("leaves medium and low risk, finished cases and a policy that is off alone", () => {
    expect(severityForRisk("normal", { level: "medium", open: true }, "high")).toBe("normal");
    expect(severityForRisk("normal", { level: "low", open: true }, "critical")).toBe("normal");
    expect(severityForRisk("normal", { level: "high", open: false }, "high")).toBe("normal");
    expect(severityForRisk("normal", open, null)).toBe("normal");
  });
});
