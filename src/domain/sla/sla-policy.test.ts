import { describe, expect, it } from "vitest";
import type { ComplaintKind } from "../complaint/complaint-lifecycle.js";
import { chinaWorkCalendar } from "./china-holidays.js";
import {
  type ComplaintFacts,
  matchPolicy,
  policyProblems,
  type SlaPolicy,
  seedPolicies,
} from "./sla-policy.js";
import { dueAt } from "./sla-target.js";

const facts = (overrides: Partial<ComplaintFacts> = {}): ComplaintFacts => ({
  kind: "complaint",
  category: "billing",
  severity: "normal",
  channel: "phone",
  source: "direct",
  ...overrides,
});

const policy = (id: string, order: number, match: SlaPolicy["match"]): SlaPolicy => ({
  id,
  name: id,
  order,
  match,
  targets: {},
  warnAtShare: 0.75,
});

describe("matchPolicy: the first match by order", () => {
  // Deliberately listed out of order.
  const policies = [
    policy("catch-all", 100, {}),
    policy("critical-transfers", 10, { severities: ["critical"], sources: ["transfer"] }),
    policy("weibo", 30, { channels: ["weibo"] }),
    policy("critical", 20, { severities: ["critical"] }),
    policy("billing-inquiries", 40, { kinds: ["inquiry"], categories: ["billing"] }),
    policy("cleared-form", 50, { kinds: [], channels: [] }),
  ];

  it.each<[string, Partial<ComplaintFacts>, string]>([
    ["a critical transfer", { severity: "critical", source: "transfer" }, "critical-transfers"],
    ["a critical direct complaint", { severity: "critical" }, "critical"],
    [
      "a critical complaint on weibo: lower order wins",
      { severity: "critical", channel: "weibo" },
      "critical",
    ],
    ["a normal complaint on weibo", { channel: "weibo" }, "weibo"],
    ["a billing inquiry", { kind: "inquiry" }, "billing-inquiries"],
    ["an inquiry without a category", { kind: "inquiry", category: null }, "cleared-form"],
    ["anything else: empty lists match everything", {}, "cleared-form"],
  ])("%s → %s", (_, overrides, expected) => {
    expect(matchPolicy(policies, facts(overrides))?.id).toBe(expected);
  });

  it("falls through to an empty match, and returns null when nothing matches", () => {
    expect(matchPolicy([policy("catch-all", 100, {})], facts())?.id).toBe("catch-all");
    expect(matchPolicy([policy("weibo", 1, { channels: ["weibo"] })], facts())).toBeNull();
    expect(matchPolicy([], facts())).toBeNull();
  });

  it("keeps list order between equal orders", () => {
    const tied = [policy("first", 5, {}), policy("second", 5, {})];
    expect(matchPolicy(tied, facts())?.id).toBe("first");
  });
});

describe("seeded policies", () => {
  const china = chinaWorkCalendar();
  const received = new Date("2026-09-30T02:00:00Z"); // Wednesday 10:00 Beijing time

  it("bank: a decision within 15 days, 30 when complex, +30 more with an admin's approval", () => {
    const standard = matchPolicy(seedPolicies.bank, facts());
    expect(standard?.targets.customerReply).toEqual({ amount: 15, unit: "calendar_days" });
    expect(standard?.extension).toEqual({
      max: { amount: 15, unit: "calendar_days" },
      approver: "supervisor",
    });
    for (const severity of ["high", "critical"] as const) {
      const complex = matchPolicy(seedPolicies.bank, facts({ severity }));
      expect(complex?.targets.customerReply).toEqual({ amount: 30, unit: "calendar_days" });
      expect(complex?.extension).toEqual({
        max: { amount: 30, unit: "calendar_days" },
        approver: "admin",
      });
    }
    // Calendar days do not skip National Day.
    expect(dueAt(china, received, standard!.targets.customerReply!).toISOString()).toBe(
      "2026-10-15T15:59:59.999Z",
    );
  });

  it("power: contact within 1 working day, reply within 7", () => {
    const power = matchPolicy(seedPolicies.power, facts());
    expect(power?.targets.firstResponse).toEqual({ amount: 1, unit: "working_days" });
    expect(power?.targets.customerReply).toEqual({ amount: 7, unit: "working_days" });
    expect(dueAt(china, received, power!.targets.firstResponse!).toISOString()).toBe(
      "2026-10-08T10:00:00.000Z",
    );
    expect(dueAt(china, received, power!.targets.customerReply!).toISOString()).toBe(
      "2026-10-15T10:00:00.000Z",
    );
  });

  it.each<[ComplaintKind, number]>([
    ["inquiry", 2],
    ["help", 10],
    ["suggestion", 10],
    ["complaint", 15],
    ["report", 15],
  ])("12345: %s within %i working days", (kind, days) => {
    const matched = matchPolicy(seedPolicies.hotline12345, facts({ kind }));
    expect(matched?.targets.customerReply).toEqual({ amount: days, unit: "working_days" });
  });

  it.each(Object.values(seedPolicies).flat())("$id is valid", (seeded) => {
    expect(policyProblems(seeded)).toEqual([]);
  });

  it("warns every seeded clock at 75%", () => {
    const all = Object.values(seedPolicies).flat();
    expect(all.map((p) => p.warnAtShare)).toEqual(all.map(() => 0.75));
  });
});

describe("policyProblems", () => {
  it("reports bad targets and warning shares", () => {
    const bad: SlaPolicy = {
      ...policy("bad", 1, {}),
      targets: { customerReply: { amount: 2.5, unit: "working_days" } },
      warnAtShare: 1.2,
    };
    expect(policyProblems(bad)).toEqual([
      { field: "targets.customerReply.amount", code: "whole_days" },
      { field: "warnAtShare", code: "warn_share_range" },
    ]);
    const longExtension: SlaPolicy = {
      ...policy("ext", 1, {}),
      extension: { max: { amount: -1, unit: "calendar_days" }, approver: "supervisor" },
    };
    expect(policyProblems(longExtension)).toEqual([
      { field: "extension.max.amount", code: "negative_amount" },
    ]);
  });
});
