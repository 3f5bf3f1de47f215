import { describe, expect, it } from "vitest";
import { chinaWorkCalendar } from "../sla/china-holidays.js";
import {
  defaultQualityDuePolicy,
  disciplineDueDates,
  disciplineOfClock,
  duePolicyProblems,
  qualityClockName,
  withDefaults,
} from "./due-dates.js";
import { parseQualityCaseNumber, qualityCaseNumber } from "./numbering.js";

// Beijing time is UTC+8 all year; the China calendar has the 2026 holidays and 调休 days.
const china = chinaWorkCalendar();
const bj = (local: string) => new Date(`${local}+08:00`);

describe("discipline due dates", () => {
  it("gives D0 and D3 24 hours, D1–D2 two working days, D4–D6 two weeks, D8 two months", () => {
    // Thursday 10:00
    const due = disciplineDueDates(china, bj("2026-11-19T10:00:00"));
    expect(due.d0).toEqual(bj("2026-11-20T10:00:00"));
    expect(due.d3).toEqual(bj("2026-11-20T10:00:00"));
    // Friday, then Monday: the end of working hours on the second working day.
    expect(due.d1).toEqual(bj("2026-11-23T18:00:00"));
    expect(due.d2).toEqual(bj("2026-11-23T18:00:00"));
    for (const d of ["d4", "d5", "d6"] as const)
      expect(due[d]).toEqual(bj("2026-12-03T23:59:59.999"));
    expect(due.d7).toEqual(bj("2026-12-19T23:59:59.999"));
    expect(due.d8).toEqual(bj("2027-01-18T23:59:59.999"));
  });

  it("skips the National Day break for the working-day disciplines", () => {
    // Wednesday 30 September: 1–7 October are off, Saturday 10 October is worked (调休).
    const due = disciplineDueDates(china, bj("2026-09-30T15:00:00"));
    expect(due.d1).toEqual(bj("2026-10-09T18:00:00"));
    // 24 hours are 24 hours, holiday or not: containment does not wait for the holiday's end.
    expect(due.d3).toEqual(bj("2026-10-01T15:00:00"));
  });

  it("follows an admin's policy, a discipline it lacks taken from the defaults", () => {
    const policy = withDefaults({ d3: { amount: 8, unit: "hours" } });
    expect(policy.d4).toEqual(defaultQualityDuePolicy.d4);
    const due = disciplineDueDates(china, bj("2026-11-19T10:00:00"), policy);
    expect(due.d3).toEqual(bj("2026-11-19T18:00:00"));
  });

  it("names what is wrong with a policy", () => {
    expect(duePolicyProblems(defaultQualityDuePolicy)).toEqual([]);
    expect(
      duePolicyProblems({ ...defaultQualityDuePolicy, d5: { amount: 1.5, unit: "working_days" } }),
    ).toEqual(["d5: days are whole numbers"]);
  });

  it("names each discipline's clock", () => {
    expect(qualityClockName("d4")).toBe("quality_d4");
    expect(disciplineOfClock("quality_d8")).toBe("d8");
    expect(disciplineOfClock("customerReply")).toBeNull();
  });
});

describe("case numbers", () => {
  it("reads 8D-year-sequence, four digits at least", () => {
    expect(qualityCaseNumber(2026, 1)).toBe("8D-2026-0001");
    expect(qualityCaseNumber(2026, 12345)).toBe("8D-2026-12345");
    expect(parseQualityCaseNumber("8D-2026-0042")).toEqual({ year: 2026, sequence: 42 });
    expect(parseQualityCaseNumber("KS-2026-0042")).toBeNull();
  });
});
