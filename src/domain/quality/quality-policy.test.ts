import { describe, expect, it } from "vitest";
import type { Role } from "../access/roles.js";
import {
  canOpenQualityCases,
  mayDecideQualityStep,
  mayEditQualityCase,
  mayLinkComplaints,
} from "./quality-policy.js";

const team = {
  openedById: "opener",
  memberIds: ["member", "agentMember"],
  ownerIds: ["owner"],
  championId: "member",
};
const actor = (id: string, role: Role) => ({ id, role, departmentId: null });

describe("8D access", () => {
  it("is opened by specialists, supervisors, quality and admins", () => {
    expect(
      (
        ["agent", "specialist", "department_handler", "supervisor", "quality", "admin"] as const
      ).map(canOpenQualityCases),
    ).toEqual([false, true, false, true, true, true]);
  });

  it("is edited by its team, quality and admins; never by agents, even on the team", () => {
    expect(mayEditQualityCase(actor("opener", "specialist"), team).ok).toBe(true);
    expect(mayEditQualityCase(actor("member", "department_handler"), team).ok).toBe(true);
    expect(mayEditQualityCase(actor("owner", "specialist"), team).ok).toBe(true);
    expect(mayEditQualityCase(actor("stranger", "specialist"), team)).toEqual({
      ok: false,
      reason: "not_on_team",
    });
    expect(mayEditQualityCase(actor("x", "quality"), team).ok).toBe(true);
    expect(mayEditQualityCase(actor("agentMember", "agent"), team)).toEqual({
      ok: false,
      reason: "role_required",
    });
  });

  it("has steps decided by the champion, quality, supervisors and admins", () => {
    expect(mayDecideQualityStep(actor("member", "department_handler"), team).ok).toBe(true);
    expect(mayDecideQualityStep(actor("opener", "specialist"), team)).toEqual({
      ok: false,
      reason: "not_champion",
    });
    expect(mayDecideQualityStep(actor("s", "supervisor"), team).ok).toBe(true);
  });

  it("links complaints for the opening roles on the team, and supervisors", () => {
    expect(mayLinkComplaints(actor("opener", "specialist"), team).ok).toBe(true);
    expect(mayLinkComplaints(actor("stranger", "specialist"), team).ok).toBe(false);
    expect(mayLinkComplaints(actor("s", "supervisor"), team).ok).toBe(true);
    expect(mayLinkComplaints(actor("member", "department_handler"), team).ok).toBe(false);
  });
});
