import { describe, expect, it } from "vitest";
import {
  type AuthorityLimit,
  authorityMonthStart,
  decideAuthority,
  defaultAuthorityLimits as limits,
  mayDecideRemedy,
} from "./authority.js";

const ask = (role: AuthorityLimit["role"], amountFen: number, grantedThisMonthFen = 0) =>
  decideAuthority(limits, { role, type: "compensation", amountFen, grantedThisMonthFen });

describe("authority to settle on the spot (授权)", () => {
  it("grants within the per-case limit, ¥200 exactly included", () => {
    expect(ask("agent", 15_000)).toEqual({ status: "granted" });
    expect(ask("agent", 20_000)).toEqual({ status: "granted" });
  });

  it("sends a case above the agent's ¥200 to the lowest role whose per-case limit covers it", () => {
    expect(ask("agent", 20_001)).toEqual({
      status: "pending_approval",
      approverRole: "specialist",
    });
    expect(ask("agent", 500_000)).toEqual({
      status: "pending_approval",
      approverRole: "supervisor",
    });
    expect(ask("agent", 5_000_000)).toEqual({ status: "pending_approval", approverRole: "admin" });
    expect(ask("specialist", 500_000)).toEqual({
      status: "pending_approval",
      approverRole: "supervisor",
    });
  });

  it("counts the month: within the case limit but over the monthly total goes up too", () => {
    expect(ask("agent", 10_000, 190_000)).toEqual({ status: "granted" });
    expect(ask("agent", 10_000, 190_001)).toEqual({
      status: "pending_approval",
      approverRole: "specialist",
    });
  });

  it("never limits an admin, and an apology costs nothing so anyone grants it", () => {
    expect(ask("admin", 100_000_000, 100_000_000)).toEqual({ status: "granted" });
    expect(
      decideAuthority(limits, {
        role: "agent",
        type: "apology",
        amountFen: 0,
        grantedThisMonthFen: 0,
      }),
    ).toEqual({ status: "granted" });
  });

  it("gives a role without a limit for the type nothing to grant: everything goes up", () => {
    const agentsRefundOnly: AuthorityLimit[] = [
      { role: "agent", type: "refund", perCaseFen: 20_000, monthlyFen: null },
      { role: "supervisor", type: "gift", perCaseFen: null, monthlyFen: null },
    ];
    expect(
      decideAuthority(agentsRefundOnly, {
        role: "agent",
        type: "gift",
        amountFen: 100,
        grantedThisMonthFen: 0,
      }),
    ).toEqual({ status: "pending_approval", approverRole: "supervisor" });
  });
});

describe("who decides a pending remedy", () => {
  const remedy = { requestedById: "agent-1", approverRole: "supervisor" as const };

  it("is someone of the approver's role or above, never the requester", () => {
    expect(mayDecideRemedy({ id: "sup-1", role: "supervisor" }, remedy)).toEqual({ ok: true });
    expect(mayDecideRemedy({ id: "admin-1", role: "admin" }, remedy)).toEqual({ ok: true });
    expect(mayDecideRemedy({ id: "spec-1", role: "specialist" }, remedy)).toEqual({
      ok: false,
      reason: "remedy_approver_role",
    });
    expect(mayDecideRemedy({ id: "q-1", role: "quality" }, remedy)).toEqual({
      ok: false,
      reason: "role_required",
    });
    expect(
      mayDecideRemedy(
        { id: "sup-1", role: "supervisor" },
        { requestedById: "sup-1", approverRole: "supervisor" },
      ),
    ).toEqual({ ok: false, reason: "own_remedy" });
  });
});

describe("the month of the monthly limit", () => {
  it("starts at midnight of the 1st in the center's time zone, not in UTC", () => {
    // 00:30 on 1 December in Shanghai is still 30 November in UTC.
    expect(
      authorityMonthStart(new Date("2026-11-30T16:30:00Z"), "Asia/Shanghai").toISOString(),
    ).toBe("2026-11-30T16:00:00.000Z");
    expect(
      authorityMonthStart(new Date("2026-11-30T15:30:00Z"), "Asia/Shanghai").toISOString(),
    ).toBe("2026-10-31T16:00:00.000Z");
  });
});
