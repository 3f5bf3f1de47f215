import { describe, expect, it } from "vitest";
import type { CaseFacts } from "./case-facts.js";
import { aggregate, type KpiContext, kpiValue, median, pausedWithin } from "./kpi-measure.js";
import { type KpiId, kpiById, kpis } from "./kpis.js";

const t = (day: number, hour = 0) => new Date(Date.UTC(2026, 10, day, hour));
const ctx: KpiContext = { asOf: t(30), customerBase: 50_000 };

/** A complaint received on 1 November at midnight, due on the 16th, still untouched. */
function facts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    status: "received",
    receivedAt: t(1),
    dueAt: t(16),
    closedAt: null,
    lastReplyAt: null,
    firstResponseAt: null,
    pauses: [],
    satisfaction: null,
    reopenCount: 0,
    escalationLevel: 0,
    leadOrders: 0,
    returnedOrders: 0,
    inboundContacts: 1,
    remedyFen: 0,
    transferred: false,
    repeat: false,
    substantiated: false,
    cameBackSoon: false,
    ...overrides,
  };
}

/** Replied on `replyDay`, followed up satisfied and closed the day after. */
const closedCase = (replyDay: number, overrides: Partial<CaseFacts> = {}) =>
  facts({
    status: "closed",
    lastReplyAt: t(replyDay),
    firstResponseAt: t(replyDay),
    closedAt: t(replyDay + 1),
    satisfaction: "satisfied",
    ...overrides,
  });

const value = (id: KpiId, cases: CaseFacts[], c: KpiContext = ctx) => {
  const kpi = kpiById(id)!;
  return kpiValue(kpi, aggregate(kpi, cases, c), c);
};

describe("KPI definitions", () => {
  it("every KPI has a formula in both languages and a unique id", () => {
    expect(new Set(kpis.map((k) => k.id)).size).toBe(kpis.length);
    for (const k of kpis) {
      expect(k.formula.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(k.formula.en.length).toBeGreaterThan(5);
    }
  });

  it("办结率 and 按时办结率: closed (on time) over accepted", () => {
    const cases = [closedCase(5), closedCase(20), facts({ status: "dispatched", leadOrders: 1 })];
    expect(value("accepted", cases)).toBe(3);
    expect(value("closedRate", cases)).toBe(66.7);
    expect(value("onTimeRate", cases)).toBe(33.3);
  });

  it("an approved extension moves the deadline, so the later reply is on time", () => {
    const extended = closedCase(20, { dueAt: t(25) });
    expect(value("onTimeRate", [extended])).toBe(100);
  });

  it("reopened then closed by the new round's deadline is on time and counts as reopened", () => {
    const reopened = closedCase(22, { reopenCount: 1, dueAt: t(24) });
    expect(value("onTimeRate", [reopened])).toBe(100);
    expect(value("reopenRate", [reopened, closedCase(3)])).toBe(50);
  });

  it("a reply given at the deadline itself is on time; a minute after is late", () => {
    expect(value("onTimeRate", [closedCase(16)])).toBe(100);
    const late = closedCase(16, { lastReplyAt: new Date(t(16).getTime() + 60_000) });
    expect(value("onTimeRate", [late])).toBe(0);
  });

  it("merged and withdrawn cases count in no KPI", () => {
    const merged = facts({ status: "merged", repeat: true, remedyFen: 500 });
    const withdrawn = facts({ status: "withdrawn", escalationLevel: 1 });
    const cases = [closedCase(5), merged, withdrawn];
    expect(value("accepted", cases)).toBe(1);
    expect(value("closedRate", cases)).toBe(100);
    expect(value("repeatRate", cases)).toBe(0);
    expect(value("escalationRate", cases)).toBe(0);
    expect(value("backlog", cases)).toBe(0);
    expect(value("remedyYuan", cases)).toBe(0);
  });

  it("a rate over no cases is null, not zero", () => {
    expect(value("closedRate", [])).toBeNull();
    expect(value("satisfactionRate", [facts()])).toBeNull();
    expect(value("medianResolutionHours", [facts()])).toBeNull();
  });

  it("paused time is taken out of the durations", () => {
    // Closed 48 h after receipt, 12 h of it paused waiting for an appraisal.
    const paused = facts({
      status: "closed",
      closedAt: t(3),
      lastReplyAt: t(3),
      firstResponseAt: t(1, 6),
      pauses: [{ from: t(2), to: t(2, 12) }],
    });
    expect(value("medianResolutionHours", [paused])).toBe(36);
    // The pause came after the first response, so none of it is taken from that.
    expect(value("medianFirstResponseHours", [paused])).toBe(6);
  });

  it("a pause still open runs to the end of the measured span", () => {
    expect(pausedWithin([{ from: t(2), to: null }], t(1), t(3))).toBe(24 * 3_600_000);
    expect(pausedWithin([{ from: t(5), to: t(6) }], t(1), t(3))).toBe(0);
  });

  it("medians as PostgreSQL's percentile_cont(0.5)", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("退单率 and first-assignment accuracy over dispatched cases", () => {
    const once = facts({ status: "dispatched", leadOrders: 1 });
    const returned = facts({ status: "dispatched", leadOrders: 2, returnedOrders: 1 });
    const redispatched = facts({ status: "dispatched", leadOrders: 2 });
    const cases = [once, returned, redispatched, facts()];
    expect(value("returnRate", cases)).toBe(33.3);
    expect(value("firstAssignmentAccuracy", cases)).toBe(33.3);
  });

  it("first-contact resolution: replied without dispatch, escalation, reopening or coming back", () => {
    const cases = [
      closedCase(1),
      closedCase(2, { leadOrders: 1 }),
      closedCase(2, { inboundContacts: 2 }),
      closedCase(2, { cameBackSoon: true }),
      facts(),
    ];
    expect(value("firstContactResolution", cases)).toBe(25);
  });

  it("满意率: satisfied and basically satisfied over the cases followed up", () => {
    const cases = [
      closedCase(2),
      closedCase(2, { satisfaction: "basically_satisfied" }),
      facts({ status: "reopened", satisfaction: null, reopenCount: 1 }),
      closedCase(2, { satisfaction: "dissatisfied" }),
    ];
    expect(value("satisfactionRate", cases)).toBe(66.7);
  });

  it("事不过三: a fourth contact from the customer, the intake counted, is a breach", () => {
    const cases = [facts({ inboundContacts: 3 }), facts({ inboundContacts: 4 })];
    expect(value("threeContactBreaches", cases)).toBe(1);
  });

  it("backlog and the oldest open case at the report's instant", () => {
    const cases = [
      facts({ receivedAt: t(2) }),
      facts({ receivedAt: t(10) }),
      closedCase(5, { closedAt: t(29) }),
      closedCase(5, { closedAt: t(31) }),
    ];
    expect(value("backlog", cases)).toBe(3);
    expect(value("oldestOpenDays", cases)).toBe(29);
    expect(value("backlog", cases, { ...ctx, asOf: t(31, 1) })).toBe(2);
  });

  it("remedies, substantiated, repeat, escalation, transfer and the per-10,000 rate", () => {
    const cases = [
      closedCase(2, { remedyFen: 12_050, substantiated: true, repeat: true }),
      facts({ remedyFen: 950, escalationLevel: 2, transferred: true }),
    ];
    expect(value("remedyYuan", cases)).toBe(130);
    expect(value("substantiated", cases)).toBe(1);
    expect(value("repeatRate", cases)).toBe(50);
    expect(value("escalationRate", cases)).toBe(50);
    expect(value("transferRate", cases)).toBe(50);
    expect(value("per10kCustomers", cases)).toBe(0.4);
    expect(value("per10kCustomers", cases, { ...ctx, customerBase: null })).toBeNull();
  });
});
