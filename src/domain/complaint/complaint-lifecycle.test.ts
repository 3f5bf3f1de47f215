import { describe, expect, it } from "vitest";
import {
  type ComplaintCommand,
  type ComplaintKind,
  type ComplaintStatus,
  checkTransition,
  commandsAllowedInState,
  complaintCommands,
  complaintStatuses,
  isOpen,
  reopensCase,
  type Satisfaction,
  satisfactionLevels,
  statusAfter,
} from "./complaint-lifecycle.js";

// Expected status after each command, for an inquiry, written out by hand from the rules.
// "-" = forbidden. follow-up here is with a satisfied customer; satisfaction is covered below.
type Outcome = ComplaintStatus | "-";
// biome-ignore format: kept as a grid, one status per block, so it reads as the state table
const expectedForInquiry: Record<ComplaintStatus, Record<ComplaintCommand, Outcome>> = {
  received: {
    assign: "assigned", dispatch: "dispatched", reply: "replied", "follow-up": "-", close: "-", reopen: "-",
    escalate: "received", upgrade: "received", withdraw: "withdrawn", merge: "merged",
    note: "received", contact: "received", callback: "received",
  },
  assigned: {
    assign: "assigned", dispatch: "dispatched", reply: "replied", "follow-up": "-", close: "-", reopen: "-",
    escalate: "assigned", upgrade: "assigned", withdraw: "withdrawn", merge: "merged",
    note: "assigned", contact: "assigned", callback: "assigned",
  },
  dispatched: {
    assign: "dispatched", dispatch: "dispatched", reply: "-", "follow-up": "-", close: "-", reopen: "-",
    escalate: "dispatched", upgrade: "dispatched", withdraw: "withdrawn", merge: "merged",
    note: "dispatched", contact: "dispatched", callback: "dispatched",
  },
  handled: {
    assign: "handled", dispatch: "dispatched", reply: "replied", "follow-up": "-", close: "-", reopen: "-",
    escalate: "handled", upgrade: "handled", withdraw: "withdrawn", merge: "merged",
    note: "handled", contact: "handled", callback: "handled",
  },
  replied: {
    assign: "replied", dispatch: "-", reply: "-", "follow-up": "followed_up", close: "closed", reopen: "reopened",
    escalate: "replied", upgrade: "replied", withdraw: "withdrawn", merge: "merged",
    note: "replied", contact: "replied", callback: "replied",
  },
  followed_up: {
    assign: "followed_up", dispatch: "-", reply: "-", "follow-up": "-", close: "closed", reopen: "reopened",
    escalate: "followed_up", upgrade: "followed_up", withdraw: "withdrawn", merge: "merged",
    note: "followed_up", contact: "followed_up", callback: "followed_up",
  },
  reopened: {
    assign: "reopened", dispatch: "dispatched", reply: "replied", "follow-up": "-", close: "-", reopen: "-",
    escalate: "reopened", upgrade: "reopened", withdraw: "withdrawn", merge: "merged",
    note: "reopened", contact: "reopened", callback: "reopened",
  },
  closed: {
    assign: "-", dispatch: "-", reply: "-", "follow-up": "-", close: "-", reopen: "reopened",
    escalate: "-", upgrade: "-", withdraw: "-", merge: "-",
    note: "closed", contact: "closed", callback: "-",
  },
  withdrawn: {
    assign: "-", dispatch: "-", reply: "-", "follow-up": "-", close: "-", reopen: "reopened",
    escalate: "-", upgrade: "-", withdraw: "-", merge: "-",
    note: "withdrawn", contact: "withdrawn", callback: "-",
  },
  merged: {
    assign: "-", dispatch: "-", reply: "-", "follow-up": "-", close: "-", reopen: "-",
    escalate: "-", upgrade: "-", withdraw: "-", merge: "-",
    note: "merged", contact: "merged", callback: "-",
  },
};

// A complaint cannot be upgraded to a complaint; everything else behaves as for an inquiry.
const expectedFor = (
  kind: ComplaintKind,
  status: ComplaintStatus,
  command: ComplaintCommand,
): Outcome =>
  kind === "complaint" && command === "upgrade" ? "-" : expectedForInquiry[status][command];

// Every command the inquiry grid allows in a status, in command order: what a refusal offers.
const allowedIn = (kind: ComplaintKind, status: ComplaintStatus): ComplaintCommand[] =>
  (Object.keys(expectedForInquiry[status]) as ComplaintCommand[]).filter(
    (command) => expectedFor(kind, status, command) !== "-",
  );

// Rows come from the grid above, not from the code's lists, so a status or command the code
// dropped or added cannot quietly leave the table unchecked.
const kindsThatMatter: ComplaintKind[] = ["inquiry", "complaint"];
const matrix = kindsThatMatter.flatMap((kind) =>
  (Object.keys(expectedForInquiry) as ComplaintStatus[]).flatMap((status) =>
    (Object.keys(expectedForInquiry[status]) as ComplaintCommand[]).map((command) => ({
      kind,
      status,
      command,
      expected: expectedFor(kind, status, command),
    })),
  ),
);
const allowedPairs = matrix.filter((row) => row.expected !== "-");
const forbiddenPairs = matrix
  .filter((row) => row.expected === "-")
  .map((row) => ({ ...row, allowed: allowedIn(row.kind, row.status) }));

// biome-ignore format: one line per list
const statuses: ComplaintStatus[] = ["received", "assigned", "dispatched", "handled", "replied", "followed_up", "reopened", "closed", "withdrawn", "merged"];
// biome-ignore format: one line per list
const commands: ComplaintCommand[] = ["assign", "dispatch", "reply", "follow-up", "close", "reopen", "escalate", "upgrade", "withdraw", "merge", "note", "contact", "callback"];

describe("complaint lifecycle", () => {
  it("has these statuses and commands, and the grid a row for each status × command", () => {
    expect(complaintStatuses).toEqual(statuses);
    expect(complaintCommands).toEqual(commands);
    expect(Object.keys(expectedForInquiry)).toEqual(statuses);
    for (const status of statuses)
      expect(Object.keys(expectedForInquiry[status])).toEqual(commands);
    expect(matrix).toHaveLength(2 * 10 * 13);
  });

  it.each(allowedPairs)(
    "$kind in $status: $command is allowed and leads to $expected",
    ({ kind, status, command, expected }) => {
      const view = { kind, status };
      expect(checkTransition(view, command)).toEqual({ ok: true });
      expect(commandsAllowedInState(view)).toContain(command);
      expect(statusAfter(view, command, "satisfied")).toBe(expected);
    },
  );

  it.each(forbiddenPairs)(
    "$kind in $status: $command is forbidden",
    ({ kind, status, command, allowed }) => {
      const view = { kind, status };
      expect(checkTransition(view, command)).toEqual({ ok: false, allowed });
      expect(commandsAllowedInState(view)).toEqual(allowed);
      expect(() => statusAfter(view, command)).toThrow(Error);
    },
  );

  describe("follow-up visit (回访) on a replied case", () => {
    const outcomes: { satisfaction: Satisfaction; expected: ComplaintStatus; reopens: boolean }[] =
      [
        { satisfaction: "satisfied", expected: "followed_up", reopens: false },
        { satisfaction: "basically_satisfied", expected: "followed_up", reopens: false },
        { satisfaction: "dissatisfied", expected: "reopened", reopens: true },
      ];

    it("has a row for every satisfaction level", () => {
      expect(outcomes.map((row) => row.satisfaction)).toEqual([...satisfactionLevels]);
    });

    it.each(outcomes)("$satisfaction leads to $expected", ({ satisfaction, expected, reopens }) => {
      expect(statusAfter({ kind: "complaint", status: "replied" }, "follow-up", satisfaction)).toBe(
        expected,
      );
      expect(reopensCase("follow-up", satisfaction)).toBe(reopens);
    });

    it("without a recorded satisfaction counts as followed up, not 重办", () => {
      expect(statusAfter({ kind: "complaint", status: "replied" }, "follow-up")).toBe(
        "followed_up",
      );
      expect(reopensCase("follow-up")).toBe(false);
    });
  });

  describe("reopensCase (重办 counter)", () => {
    it("is true for an explicit reopen", () => {
      expect(reopensCase("reopen")).toBe(true);
    });

    it.each(commands.filter((command) => command !== "reopen" && command !== "follow-up"))(
      "is false for %s whatever the satisfaction",
      (command) => {
        expect(reopensCase(command)).toBe(false);
        expect(reopensCase(command, "dissatisfied")).toBe(false);
      },
    );
  });

  describe("checkTransition on a forbidden command", () => {
    it("lists what is allowed instead, in command order", () => {
      expect(checkTransition({ kind: "inquiry", status: "dispatched" }, "reply")).toEqual({
        ok: false,
        allowed: [
          "assign",
          "dispatch",
          "escalate",
          "upgrade",
          "withdraw",
          "merge",
          "note",
          "contact",
          "callback",
        ],
      });
    });

    it("offers only reopen and the record-keeping commands on a closed case", () => {
      expect(checkTransition({ kind: "complaint", status: "closed" }, "close")).toEqual({
        ok: false,
        allowed: ["reopen", "note", "contact"],
      });
    });

    it("offers only note and contact on a merged case", () => {
      expect(checkTransition({ kind: "complaint", status: "merged" }, "reopen")).toEqual({
        ok: false,
        allowed: ["note", "contact"],
      });
    });
  });

  describe("isOpen", () => {
    it.each(
      statuses.map((status) => ({
        status,
        open: !["closed", "withdrawn", "merged"].includes(status),
      })),
    )("$status is open: $open", ({ status, open }) => {
      expect(isOpen(status)).toBe(open);
    });
  });

  it("names the command and status when statusAfter is misused", () => {
    expect(() => statusAfter({ kind: "inquiry", status: "closed" }, "reply")).toThrow(
      /reply.*closed/,
    );
  });
});
