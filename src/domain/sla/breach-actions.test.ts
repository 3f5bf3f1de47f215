import { describe, expect, it } from "vitest";
import {
  afterChanges,
  type BreachCase,
  breachChanges,
  chooseSupervisor,
  raisedSeverity,
  type SupervisorLoad,
} from "./breach-actions.js";

const supervisor = (
  agentNo: string,
  departmentId: string | null,
  openCases: number,
): SupervisorLoad => ({
  id: `s${agentNo}`,
  agentNo,
  displayName: agentNo,
  departmentId,
  openCases,
});

const agentCase = (overrides: Partial<BreachCase> = {}): BreachCase => ({
  severity: "normal",
  ownerId: "agent-1",
  ownerRole: "agent",
  ownerDepartmentId: "cards",
  watcherIds: [],
  ...overrides,
});

describe("raisedSeverity", () => {
  it("goes one level up and stops at critical", () => {
    expect(["low", "normal", "high", "critical"].map((s) => raisedSeverity(s as never))).toEqual([
      "normal",
      "high",
      "critical",
      "critical",
    ]);
  });
});

describe("chooseSupervisor", () => {
  const pool = [
    supervisor("9003", null, 0),
    supervisor("9001", "cards", 5),
    supervisor("9002", "cards", 3),
    supervisor("9004", "loans", 0),
  ];

  it("prefers the owner's own department, least loaded first", () => {
    expect(chooseSupervisor("cards", pool)?.agentNo).toBe("9002");
  });

  it("falls back to the least loaded supervisor of all, ties to the lower agent number", () => {
    expect(chooseSupervisor(null, pool)?.agentNo).toBe("9003");
    expect(chooseSupervisor("mortgages", pool)?.agentNo).toBe("9003");
  });

  it("finds nobody when there is no supervisor", () => {
    expect(chooseSupervisor("cards", [])).toBeNull();
  });
});

describe("breachChanges", () => {
  const pool = [supervisor("9001", "cards", 2), supervisor("9002", null, 0)];

  it("runs the policy's actions in order", () => {
    expect(breachChanges(["raise_severity", "reassign_to_supervisor"], agentCase(), pool)).toEqual([
      { action: "raise_severity", from: "normal", to: "high" },
      { action: "reassign_to_supervisor", from: "agent-1", to: pool[0] },
    ]);
  });

  it("adds the owner's team lead as a watcher, once", () => {
    expect(breachChanges(["add_supervisor_watcher"], agentCase(), pool)).toEqual([
      { action: "add_supervisor_watcher", to: pool[0] },
    ]);
    const watched = agentCase({ watcherIds: ["s9001"] });
    expect(breachChanges(["add_supervisor_watcher"], watched, pool)).toEqual([]);
  });

  it("does not make the owner their own watcher, nor watch a case just handed to them", () => {
    const lead = agentCase({ ownerId: "s9001", ownerRole: "supervisor" });
    expect(breachChanges(["add_supervisor_watcher"], lead, pool)).toEqual([]);
    expect(
      breachChanges(["reassign_to_supervisor", "add_supervisor_watcher"], agentCase(), pool),
    ).toEqual([{ action: "reassign_to_supervisor", from: "agent-1", to: pool[0] }]);
  });

  it("does not raise a critical case nor reassign one a supervisor or admin owns", () => {
    const actions = ["raise_severity", "reassign_to_supervisor"] as const;
    expect(
      breachChanges(actions, agentCase({ severity: "critical", ownerRole: "supervisor" }), pool),
    ).toEqual([]);
    expect(breachChanges(actions.slice(1), agentCase({ ownerRole: "admin" }), pool)).toEqual([]);
  });

  it("gives an unowned case to the least loaded supervisor", () => {
    const unowned = agentCase({ ownerId: null, ownerRole: null, ownerDepartmentId: null });
    expect(breachChanges(["reassign_to_supervisor"], unowned, pool)).toEqual([
      { action: "reassign_to_supervisor", from: null, to: pool[1] },
    ]);
  });

  it("changes nothing more on a second breach once applied", () => {
    const actions = ["raise_severity", "add_supervisor_watcher", "reassign_to_supervisor"] as const;
    const first = breachChanges(actions, agentCase({ severity: "high" }), pool);
    const after = afterChanges(agentCase({ severity: "high" }), first);
    expect(after).toEqual({
      severity: "critical",
      ownerId: "s9001",
      ownerRole: "supervisor",
      ownerDepartmentId: "cards",
      watcherIds: ["s9001"],
    });
    expect(breachChanges(actions, after, pool)).toEqual([]);
  });
});
