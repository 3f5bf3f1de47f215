import { describe, expect, it } from "vitest";
import { type ClockFacts, clockOutcome, groupClocks } from "./clock-history.js";

const day = (n: number) => new Date(Date.UTC(2026, 11, n, 1)).toISOString();

let next = 0;
function clock(name: string, startDay: number, dueDay: number, facts: Partial<ClockFacts> = {}) {
  next++;
  return {
    id: `00000000-0000-0000-0000-${String(next).padStart(12, "0")}`,
    name,
    startedAt: day(startDay),
    dueAt: day(dueDay),
    stopped: true,
    paused: false,
    breached: false,
    extended: false,
    ...facts,
  } satisfies ClockFacts;
}

describe("a clock's outcome", () => {
  it("is met or missed once stopped, by whether its deadline passed first", () => {
    expect(clockOutcome(clock("customerReply", 1, 16))).toBe("met");
    expect(clockOutcome(clock("customerReply", 1, 16, { breached: true }))).toBe("missed");
  });

  it("is running, paused or overdue while it counts", () => {
    expect(clockOutcome(clock("customerReply", 1, 16, { stopped: false }))).toBe("running");
    expect(clockOutcome(clock("customerReply", 1, 16, { stopped: false, paused: true }))).toBe(
      "paused",
    );
    expect(clockOutcome(clock("callback", 1, 2, { stopped: false, breached: true }))).toBe(
      "overdue",
    );
  });
});

describe("the case's clocks grouped by kind", () => {
  // The demo's card case: the inquiry's reply clock, the complaint's after the upgrade, the 重办
  // round's; a callback promise kept; the second round's reply still running.
  const inquiry = clock("customerReply", 1, 3);
  const complaint = clock("customerReply", 2, 17, { breached: true });
  const reopened = clock("customerReply", 20, 35, { stopped: false });
  const callback = clock("callback", 2, 3);

  it("gives one current line per kind and folds the earlier rounds under it, latest first", () => {
    const groups = groupClocks([inquiry, callback, reopened, complaint]);
    expect(groups.map((g) => g.key)).toEqual(["customerReply", "callback"]);
    const [reply] = groups;
    expect(reply!.current).toEqual({ clock: reopened, outcome: "running", ordinal: 3 });
    expect(reply!.earlier).toEqual([
      { clock: complaint, outcome: "missed", ordinal: 2 },
      { clock: inquiry, outcome: "met", ordinal: 1 },
    ]);
    expect(groups[1]!.earlier).toEqual([]);
  });

  it("takes the latest clock as current when every one of the kind has stopped", () => {
    const extended = clock("customerReply", 20, 40, { extended: true });
    const [reply] = groupClocks([extended, inquiry, complaint]);
    expect(reply!.current.clock).toBe(extended);
    expect(reply!.current.outcome).toBe("met");
    expect(reply!.current.clock.extended).toBe(true);
    expect(reply!.earlier.map((l) => l.clock)).toEqual([complaint, inquiry]);
  });

  it("puts running kinds first, due soonest at the top, then finished ones, latest first", () => {
    const supervision = clock("supervision", 5, 30, { stopped: false });
    const followUp = clock("followUp", 18, 19);
    const groups = groupClocks([inquiry, supervision, followUp, callback, reopened]);
    expect(groups.map((g) => g.name)).toEqual([
      "supervision",
      "customerReply",
      "followUp",
      "callback",
    ]);
  });

  it("shows the running promise due first as current when two run side by side", () => {
    const later = clock("callback", 3, 9, { stopped: false });
    const sooner = clock("callback", 4, 6, { stopped: false });
    const [callbacks] = groupClocks([later, sooner]);
    expect(callbacks!.current.clock).toBe(sooner);
    expect(callbacks!.earlier).toEqual([{ clock: later, outcome: "running", ordinal: 1 }]);
  });

  it("keeps each department's work-order clocks apart", () => {
    const card = clock("departmentAcceptance", 2, 3, { scope: "card" });
    const cardAgain = clock("departmentAcceptance", 6, 7, { scope: "card", stopped: false });
    const credit = clock("departmentAcceptance", 2, 3, { scope: "credit", breached: true });
    const groups = groupClocks([card, credit, cardAgain]);
    expect(groups.map((g) => [g.key, g.scope])).toEqual([
      ["departmentAcceptance:card", "card"],
      ["departmentAcceptance:credit", "credit"],
    ]);
    expect(groups[0]!.current.clock).toBe(cardAgain);
    expect(groups[0]!.earlier.map((l) => l.clock)).toEqual([card]);
    expect(groups[1]!.current.outcome).toBe("missed");
  });

  it("does not depend on the order the clocks come in", () => {
    const all = [inquiry, complaint, reopened, callback];
    const keys = (clocks: typeof all) =>
      groupClocks(clocks).map((g) => [g.current.clock.id, ...g.earlier.map((l) => l.clock.id)]);
    expect(keys([...all].reverse())).toEqual(keys(all));
    expect(groupClocks([])).toEqual([]);
  });
});
