import { describe, expect, it } from "vitest";
import type { Actor, Role } from "../access/roles.js";
import type { ComplaintAccess } from "../complaint/complaint-policy.js";
import { remedyApprovalClock } from "./approval-clock.js";
import {
  allowedRemedyActions,
  ledgerScope,
  mayAskRemedy,
  mayReverseRemedy,
} from "./remedy-policy.js";

const as = (role: Role, id: string = role): Actor => ({ id, role, departmentId: null });
const ownedBy = (ownerId: string | null): ComplaintAccess => ({
  kind: "complaint",
  status: "assigned",
  ownerId,
  workOrders: [],
});

describe("asking for a remedy", () => {
  it("is for those who may reply on the case: agents on their own or unowned cases", () => {
    expect(mayAskRemedy(as("agent"), ownedBy("agent"))).toEqual({ ok: true });
    expect(mayAskRemedy(as("agent"), ownedBy(null))).toEqual({ ok: true });
    expect(mayAskRemedy(as("agent"), ownedBy("someone"))).toEqual({
      ok: false,
      reason: "not_owner",
    });
    expect(mayAskRemedy(as("specialist"), ownedBy("someone"))).toEqual({ ok: true });
    expect(mayAskRemedy(as("supervisor"), ownedBy("someone"))).toEqual({ ok: true });
  });

  it("is never for quality or departments", () => {
    for (const role of ["quality", "department_handler"] as const)
      expect(mayAskRemedy(as(role), ownedBy(null))).toEqual({
        ok: false,
        reason: "role_required",
      });
  });
});

describe("reversing a remedy", () => {
  it("is for the one who granted it, or a supervisor or admin", () => {
    expect(mayReverseRemedy(as("agent"), { decidedById: "agent" }).ok).toBe(true);
    expect(mayReverseRemedy(as("agent"), { decidedById: "other" }).ok).toBe(false);
    expect(mayReverseRemedy(as("specialist"), { decidedById: "other" }).ok).toBe(false);
    expect(mayReverseRemedy(as("supervisor"), { decidedById: "other" }).ok).toBe(true);
    expect(mayReverseRemedy(as("admin"), { decidedById: "other" }).ok).toBe(true);
    expect(mayReverseRemedy(as("quality", "q"), { decidedById: "q" }).ok).toBe(false);
  });
});

describe("the actions offered on a remedy", () => {
  const pending = {
    status: "pending_approval" as const,
    requestedById: "agent",
    approverRole: "supervisor" as const,
    decidedById: null,
  };
  it("are approve and reject for its approvers while pending, reverse once granted", () => {
    expect(allowedRemedyActions(as("supervisor"), pending)).toEqual(["approve", "reject"]);
    expect(allowedRemedyActions(as("specialist"), pending)).toEqual([]);
    expect(allowedRemedyActions(as("agent"), pending)).toEqual([]);
    const granted = { ...pending, status: "granted" as const, decidedById: "supervisor" };
    expect(allowedRemedyActions(as("supervisor"), granted)).toEqual(["reverse"]);
    expect(allowedRemedyActions(as("agent"), granted)).toEqual([]);
    for (const status of ["rejected", "reversed"] as const)
      expect(allowedRemedyActions(as("admin"), { ...granted, status })).toEqual([]);
  });
});

describe("the ledger", () => {
  it("shows agents their own asks, departments nothing, the rest everything", () => {
    expect(ledgerScope("agent")).toBe("own");
    expect(ledgerScope("department_handler")).toBeNull();
    for (const role of ["specialist", "supervisor", "admin", "quality"] as const)
      expect(ledgerScope(role)).toBe("all");
  });
});

describe("the approval clock", () => {
  it("runs a working day, warned at 75%, unless the policy says otherwise", () => {
    expect(remedyApprovalClock(null)).toEqual({
      target: { amount: 1, unit: "working_days" },
      warnAtShare: 0.75,
    });
    expect(
      remedyApprovalClock({
        targets: { remedyApproval: { amount: 4, unit: "hours" } },
        warnAtShare: 0.5,
      }),
    ).toEqual({ target: { amount: 4, unit: "hours" }, warnAtShare: 0.5 });
  });
});
