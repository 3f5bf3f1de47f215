import { describe, expect, it } from "vitest";
import type { Actor } from "../access/roles.js";
import {
  actionAsOf,
  actionTally,
  checkProgress,
  checkVerification,
  isOverdue,
  mayEditAction,
  mayReadAction,
  mayVerifyAction,
} from "./improvement-actions.js";
import { dueAnalysisMonth, monthDays, previousMonth } from "./monthly-period.js";

const owner: Actor = { id: "u-owner", role: "department_handler", departmentId: "d-ops" };
const action = { ownerId: owner.id, departmentId: "d-ops" };
const lead: Actor = { id: "u-lead", role: "supervisor", departmentId: null };

describe("improvement action status flow", () => {
  it("moves open → in progress → done, and a verified action no longer changes", () => {
    expect(checkProgress("open", "in_progress")).toMatchObject({ ok: true, status: "in_progress" });
    expect(checkProgress("in_progress", "done")).toMatchObject({ event: "action_done" });
    expect(checkProgress("verified", "in_progress")).toEqual({
      ok: false,
      reason: "action_verified",
    });
  });

  it("verifies only a done action; a failed verification reopens it", () => {
    expect(checkVerification("in_progress", true)).toEqual({
      ok: false,
      reason: "action_not_done",
    });
    expect(checkVerification("done", true)).toMatchObject({ status: "verified" });
    expect(checkVerification("done", false)).toMatchObject({
      status: "in_progress",
      event: "action_reopened",
    });
  });
});

describe("who may do what", () => {
  it("lets the owner update progress but not the action's fields", () => {
    expect(mayEditAction(owner, action, { fields: false }).ok).toBe(true);
    expect(mayEditAction(owner, action, { fields: true })).toEqual({
      ok: false,
      reason: "role_required",
    });
    const other: Actor = { id: "u-x", role: "agent", departmentId: null };
    expect(mayEditAction(other, action, { fields: false })).toEqual({
      ok: false,
      reason: "not_owner",
    });
    expect(mayEditAction(lead, action, { fields: true }).ok).toBe(true);
  });

  it("refuses a verification by the owner or by a role that does not manage actions", () => {
    expect(mayVerifyAction(lead, action).ok).toBe(true);
    expect(mayVerifyAction(owner, action).ok).toBe(false);
    expect(mayVerifyAction({ ...lead, id: owner.id }, action)).toEqual({
      ok: false,
      reason: "own_action",
    });
  });

  it("shows a department handler their department's actions only", () => {
    const other: Actor = { id: "u-y", role: "department_handler", departmentId: "d-it" };
    expect(mayReadAction(owner, action)).toBe(true);
    expect(mayReadAction(other, action)).toBe(false);
    expect(mayReadAction({ ...other, role: "agent" }, action)).toBe(true);
  });
});

describe("overdue and the month's tally", () => {
  it("counts an unfinished action past its due day as overdue, not one due today or done", () => {
    expect(isOverdue({ status: "open", dueDate: "2026-11-30" }, "2026-12-01")).toBe(true);
    expect(isOverdue({ status: "in_progress", dueDate: "2026-12-01" }, "2026-12-01")).toBe(false);
    expect(isOverdue({ status: "done", dueDate: "2026-11-01" }, "2026-12-01")).toBe(false);
    expect(
      actionTally(
        [
          { status: "open", dueDate: "2026-11-01" },
          { status: "in_progress", dueDate: "2027-01-01" },
          { status: "done", dueDate: "2026-11-01" },
          { status: "verified", dueDate: "2026-11-01" },
        ],
        "2026-12-01",
      ),
    ).toEqual({ open: 2, done: 1, verified: 1, overdue: 1 });
  });
});

describe("the analysis' months", () => {
  it("knows a month's days, the month before, and which month is due early in a month", () => {
    expect(monthDays("2026-02")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(previousMonth("2026-01")).toBe("2025-12");
    expect(dueAnalysisMonth("2026-12-02", 3)).toBe("2026-11");
    expect(dueAnalysisMonth("2026-12-04", 3)).toBeNull();
  });
});

describe("an action as it stood at a month's end", () => {
  const at = (iso: string) => new Date(iso);
  const history = [
    { type: "action_created", at: at("2026-10-05T02:00:00Z"), data: { dueDate: "2026-10-20" } },
    { type: "action_in_progress", at: at("2026-10-10T02:00:00Z"), data: {} },
    { type: "action_updated", at: at("2026-10-25T02:00:00Z"), data: { dueDate: "2026-11-15" } },
    { type: "action_done", at: at("2026-11-10T02:00:00Z"), data: {} },
    { type: "action_reopened", at: at("2026-11-12T02:00:00Z"), data: { note: "未见效" } },
    { type: "action_done", at: at("2026-11-20T02:00:00Z"), data: {} },
    { type: "action_verified", at: at("2026-12-02T02:00:00Z"), data: {} },
  ];

  it("did not exist before it was set up", () => {
    expect(actionAsOf(history, at("2026-10-01T00:00:00Z"))).toBeNull();
  });

  it("replays status and due date up to the instant, a moved due date included", () => {
    expect(actionAsOf(history, at("2026-10-15T00:00:00Z"))).toEqual({
      status: "in_progress",
      dueDate: "2026-10-20",
    });
    expect(actionAsOf(history, at("2026-10-31T16:00:00Z"))).toEqual({
      status: "in_progress",
      dueDate: "2026-11-15",
    });
  });

  it("counts a failed verification's reopening, and the final verification only once it came", () => {
    expect(actionAsOf(history, at("2026-11-15T00:00:00Z"))?.status).toBe("in_progress");
    expect(actionAsOf(history, at("2026-11-30T16:00:00Z"))?.status).toBe("done");
    expect(actionAsOf(history, at("2026-12-31T16:00:00Z"))?.status).toBe("verified");
  });

  it("is overdue at October's end by the due date then in force", () => {
    const october = actionAsOf(history, at("2026-10-31T16:00:00Z"))!;
    expect(actionTally([october], "2026-11-01").overdue).toBe(0);
    const mid = actionAsOf(history, at("2026-10-22T00:00:00Z"))!;
    expect(actionTally([mid], "2026-10-22").overdue).toBe(1);
  });
});
