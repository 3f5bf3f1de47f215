import { describe, expect, it } from "vitest";
import {
  defaultThreatWords,
  escalationRisk,
  type RiskFacts,
  riskRecheckAt,
} from "./escalation-risk.js";

/** A first, calm complaint: nothing in it points to escalation. */
const calm = (overrides: Partial<RiskFacts> = {}): RiskFacts => ({
  text: "信用卡两个月未收到，请尽快寄出",
  threatWords: defaultThreatWords,
  upperLevelTransfer: false,
  reopenCount: 0,
  dissatisfiedFollowUps: 0,
  contactsLast30Days: 1,
  overdueClocks: 0,
  extended: false,
  demandFen: null,
  authorityFen: 20_000,
  mentality: null,
  ...overrides,
});

const codes = (facts: RiskFacts) => escalationRisk(facts).reasons.map((r) => r.code);

describe("escalation risk (越级投诉风险)", () => {
  it("is low with no reason for a calm first complaint", () => {
    expect(escalationRisk(calm())).toEqual({ level: "low", score: 0, reasons: [] });
  });

  it("names the threat words the caller used", () => {
    const risk = escalationRisk(calm({ text: "再不解决我就打12345并找媒体曝光" }));
    expect(risk.reasons).toEqual([
      { code: "threat_words", points: 40, detail: "12345、媒体、曝光" },
    ]);
    expect(risk.level).toBe("medium");
  });

  it("reads the center's own word list, not only the defaults", () => {
    expect(codes(calm({ text: "我要找电视台", threatWords: ["电视台"] }))).toEqual([
      "threat_words",
    ]);
    expect(codes(calm({ text: "我要找电视台" }))).toEqual([]);
  });

  it.each([
    [{ upperLevelTransfer: true }, "upper_level_transfer"],
    [{ reopenCount: 1 }, "reopened"],
    [{ dissatisfiedFollowUps: 2 }, "dissatisfied_before"],
    [{ contactsLast30Days: 3 }, "repeated_contacts"],
    [{ overdueClocks: 1 }, "overdue"],
    [{ extended: true }, "extended"],
    [{ demandFen: 1_000_000 }, "demand_above_authority"],
    [{ mentality: "authority" as const }, "mentality"],
  ])("counts %o as %s", (overrides, code) => {
    expect(codes(calm(overrides))).toEqual([code]);
  });

  it("does not count two contacts, a demand within authority, or a venting caller", () => {
    expect(codes(calm({ contactsLast30Days: 2, demandFen: 20_000, mentality: "venting" }))).toEqual(
      [],
    );
  });

  it("is high when reasons add up, heaviest first, and never above 100", () => {
    const risk = escalationRisk(
      calm({
        text: "我已经找了律师准备起诉",
        upperLevelTransfer: true,
        reopenCount: 2,
        dissatisfiedFollowUps: 1,
        contactsLast30Days: 5,
        overdueClocks: 1,
        extended: true,
        demandFen: 1_000_000,
        mentality: "gain",
      }),
    );
    expect(risk.level).toBe("high");
    expect(risk.score).toBe(100);
    expect(risk.reasons[0]).toMatchObject({ code: "threat_words", detail: "律师、起诉" });
    expect(risk.reasons.map((r) => r.points)).toEqual(
      [...risk.reasons.map((r) => r.points)].sort((a, b) => b - a),
    );
  });

  it("is high from 60: a transferred case whose caller threatens the press", () => {
    const risk = escalationRisk(calm({ text: "要找记者", upperLevelTransfer: true }));
    expect([risk.score, risk.level]).toEqual([70, "high"]);
  });
});

describe("when time alone next moves the risk", () => {
  const oldest = new Date("2026-11-01T08:00:00Z");

  it("is when the oldest of enough recent contacts leaves the 30-day window", () => {
    expect(
      riskRecheckAt({ open: true, contactsLast30Days: 3, oldestRecentContactAt: oldest }),
    ).toEqual(new Date("2026-12-01T08:00:00Z"));
  });

  it("is never for too few contacts to count, or a finished case", () => {
    expect(
      riskRecheckAt({ open: true, contactsLast30Days: 2, oldestRecentContactAt: oldest }),
    ).toBeNull();
    expect(
      riskRecheckAt({ open: false, contactsLast30Days: 5, oldestRecentContactAt: oldest }),
    ).toBeNull();
  });
});
