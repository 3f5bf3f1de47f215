import { describe, expect, it } from "vitest";
import { chinaWorkCalendar } from "./china-holidays.js";
import { dueAt, effectiveDueAt, type SlaTarget, targetProblems } from "./sla-target.js";

const china = chinaWorkCalendar();
// Monday 2026-11-23 10:00 Beijing time.
const received = new Date("2026-11-23T02:00:00Z");

describe("dueAt by unit", () => {
  it.each<[SlaTarget, string]>([
    [{ amount: 30, unit: "minutes" }, "2026-11-23T02:30:00.000Z"],
    [{ amount: 24, unit: "hours" }, "2026-11-24T02:00:00.000Z"],
    // 10:00–12:00 is 120, then 13:30 + 60.
    [{ amount: 180, unit: "working_minutes" }, "2026-11-23T06:30:00.000Z"],
    [{ amount: 1, unit: "working_days" }, "2026-11-24T10:00:00.000Z"],
    [{ amount: 7, unit: "working_days" }, "2026-12-02T10:00:00.000Z"],
    [{ amount: 15, unit: "calendar_days" }, "2026-12-08T15:59:59.999Z"],
  ])("%o → %s", (target, due) => {
    expect(dueAt(china, received, target).toISOString()).toBe(due);
  });
});

describe("the earlier-deadline rule", () => {
  const ours = new Date("2026-12-08T15:59:59.999Z");
  it.each([
    ["no external deadline", undefined, ours],
    ["a null external deadline", null, ours],
    [
      "an earlier external deadline wins",
      new Date("2026-11-30T10:00:00Z"),
      new Date("2026-11-30T10:00:00Z"),
    ],
    ["a later external deadline loses", new Date("2026-12-20T00:00:00Z"), ours],
  ])("%s", (_, external, expected) => {
    expect(effectiveDueAt(ours, external)).toEqual(expected);
  });
});

describe("targetProblems", () => {
  it.each<[SlaTarget, string[]]>([
    [{ amount: 15, unit: "calendar_days" }, []],
    [{ amount: 0.5, unit: "hours" }, []],
    [{ amount: 1.5, unit: "working_days" }, ["days are whole numbers"]],
    [{ amount: -1, unit: "minutes" }, ["amount must be 0 or more"]],
    [{ amount: 1, unit: "weeks" as never }, ["unknown unit weeks"]],
  ])("%o: %o", (target, problems) => {
    expect(targetProblems(target)).toEqual(problems);
  });
});
