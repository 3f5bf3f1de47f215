import { describe, expect, it } from "vitest";
import { type Member, planAssignments, type WaitingCase } from "./assignment.js";
import { matchingGroup } from "./skill-groups.js";

const member = (agentNo: string, over: Partial<Member> = {}): Member => ({
  userId: `u-${agentNo}`,
  agentNo,
  duty: "online",
  openCases: 0,
  load: 0,
  ...over,
});
const cases = (n: number, severity: WaitingCase["severity"] = "normal"): WaitingCase[] =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i}`, severity }));
const owners = (plan: ReturnType<typeof planAssignments>) => plan.assignments.map((a) => a.userId);

describe("round-robin", () => {
  it("goes round the people on duty in agent-number order, carrying on after the cursor", () => {
    const people = [member("A3"), member("A1"), member("A2")];
    const plan = planAssignments(
      { rule: "round_robin", capPerPerson: null, cursor: "A1" },
      people,
      cases(4),
    );
    expect(owners(plan)).toEqual(["u-A2", "u-A3", "u-A1", "u-A2"]);
    expect(plan.cursor).toBe("A2");
  });

  it("skips people on a break or off duty, and those at the cap", () => {
    const people = [
      member("A1", { duty: "break" }),
      member("A2", { openCases: 2 }),
      member("A3"),
      member("A4", { duty: "offline" }),
    ];
    const plan = planAssignments(
      { rule: "round_robin", capPerPerson: 3, cursor: null },
      people,
      cases(5),
    );
    // A2 takes one more (2 → 3), A3 takes three; the fifth case waits.
    expect(owners(plan)).toEqual(["u-A2", "u-A3", "u-A3", "u-A3"]);
  });

  it("finds its place when the person at the cursor has left the group", () => {
    const plan = planAssignments(
      { rule: "round_robin", capPerPerson: null, cursor: "A2" },
      [member("A1"), member("A3")],
      cases(2),
    );
    expect(owners(plan)).toEqual(["u-A3", "u-A1"]);
  });

  it("gives nothing while nobody is on duty, and everything once someone comes on", () => {
    const offline = [member("A1", { duty: "offline" }), member("A2", { duty: "break" })];
    const policy = { rule: "round_robin" as const, capPerPerson: 10, cursor: null };
    expect(planAssignments(policy, offline, cases(3)).assignments).toEqual([]);
    const onDuty = [member("A1", { duty: "offline" }), member("A2")];
    expect(owners(planAssignments(policy, onDuty, cases(3)))).toEqual(["u-A2", "u-A2", "u-A2"]);
  });
});

describe("least-loaded", () => {
  it("gives each case to the lightest severity-weighted load", () => {
    const people = [
      member("A1", { openCases: 1, load: 8 }),
      member("A2", { openCases: 3, load: 6 }),
    ];
    const plan = planAssignments(
      { rule: "least_loaded", capPerPerson: null, cursor: null },
      people,
      cases(3),
    );
    // A2 6→8 ties A1 at 8 but has more cases, so A1 takes the next (8→10), then A2 (8 < 10).
    expect(owners(plan)).toEqual(["u-A2", "u-A1", "u-A2"]);
  });

  it("breaks ties by fewer open cases, then by agent number", () => {
    const people = [member("B2"), member("B1"), member("B3", { openCases: 1, load: 0 })];
    const plan = planAssignments(
      { rule: "least_loaded", capPerPerson: null, cursor: null },
      people,
      cases(3),
    );
    expect(owners(plan)).toEqual(["u-B1", "u-B2", "u-B3"]);
  });

  it("never goes over the cap, even for the lightest load", () => {
    const people = [
      member("A1", { openCases: 2, load: 2 }),
      member("A2", { openCases: 0, load: 30 }),
    ];
    const plan = planAssignments(
      { rule: "least_loaded", capPerPerson: 2, cursor: null },
      people,
      cases(4, "low"),
    );
    expect(owners(plan)).toEqual(["u-A2", "u-A2"]);
  });

  it("leaves people on a break out", () => {
    const people = [member("A1", { duty: "break" }), member("A2", { load: 100, openCases: 9 })];
    const plan = planAssignments(
      { rule: "least_loaded", capPerPerson: 10, cursor: null },
      people,
      cases(2),
    );
    expect(owners(plan)).toEqual(["u-A2"]);
  });
});

describe("which group's queue a case joins", () => {
  const group = (name: string, over = {}) => ({
    id: name,
    name,
    categories: [],
    businessTypes: [],
    sources: [],
    severities: [],
    ...over,
  });
  const facts = {
    category: "fee",
    businessType: "card",
    sourceType: "direct",
    severity: "normal" as const,
  };

  it("prefers the most specific group that takes the case", () => {
    const groups = [
      group("综合组"),
      group("高级组", { sources: ["transfer"] }),
      group("信用卡组", { businessTypes: ["card"] }),
    ];
    expect(matchingGroup(groups, facts)?.name).toBe("信用卡组");
    expect(
      matchingGroup(groups, { ...facts, sourceType: "transfer", businessType: null })?.name,
    ).toBe("高级组");
  });

  it("takes no case when no group fits, and breaks ties by name", () => {
    expect(matchingGroup([group("a", { severities: ["critical"] })], facts)).toBeNull();
    expect(matchingGroup([group("b"), group("a")], facts)?.name).toBe("a");
  });
});
