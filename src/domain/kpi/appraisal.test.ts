import { describe, expect, it } from "vitest";
import type { Actor } from "../access/roles.js";
import { canReadAppraisal, ownSubject, standing, trendStart } from "./appraisal.js";

describe("standing", () => {
  it("takes the middle of an odd count and ranks the higher-is-better figure", () => {
    expect(standing(80, [60, 80, 95], "higher")).toEqual({
      median: 80,
      rank: 2,
      peers: 3,
      verdict: "same",
    });
  });

  it("takes the mean of the two middle figures of an even count", () => {
    const s = standing(90, [70, 90, 80, 100], "higher");
    expect(s.median).toBe(85);
    expect(s.rank).toBe(2);
    expect(s.verdict).toBe("better");
  });

  it("ranks lower-is-better figures from the lowest, ties sharing a rank", () => {
    expect(standing(12, [5, 12, 12, 30], "lower")).toMatchObject({
      median: 12,
      rank: 2,
      verdict: "same",
    });
    expect(standing(30, [5, 12, 12, 30], "lower")).toMatchObject({ rank: 4, verdict: "worse" });
  });

  it("leaves out groups without a figure (no cases): they neither count nor rank", () => {
    expect(standing(50, [null, 50, null, 70], "higher")).toEqual({
      median: 60,
      rank: 2,
      peers: 2,
      verdict: "worse",
    });
    expect(standing(null, [null, 40, 60], "higher")).toEqual({
      median: 50,
      rank: null,
      peers: 2,
      verdict: null,
    });
    expect(standing(null, [null, null], "lower")).toEqual({
      median: null,
      rank: null,
      peers: 0,
      verdict: null,
    });
  });

  it("ranks a volume by size but calls it neither better nor worse", () => {
    expect(standing(3, [1, 3, 7], null)).toEqual({ median: 3, rank: 2, peers: 3, verdict: null });
  });
});

describe("canReadAppraisal", () => {
  const actor = (role: Actor["role"], departmentId: string | null = null): Actor => ({
    id: "u1",
    role,
    departmentId,
  });
  const agentPage = (id: string) => ({ kind: "agent" as const, id });
  const departmentPage = (id: string) => ({ kind: "department" as const, id });

  it("lets agents and specialists see their own page only", () => {
    for (const role of ["agent", "specialist"] as const) {
      expect(canReadAppraisal(actor(role), agentPage("u1"))).toBe(true);
      expect(canReadAppraisal(actor(role), agentPage("u2"))).toBe(false);
      expect(canReadAppraisal(actor(role), departmentPage("d1"))).toBe(false);
    }
  });

  it("lets a department handler see their department's page only", () => {
    const handler = actor("department_handler", "d1");
    expect(canReadAppraisal(handler, departmentPage("d1"))).toBe(true);
    expect(canReadAppraisal(handler, departmentPage("d2"))).toBe(false);
    expect(canReadAppraisal(handler, agentPage("u1"))).toBe(false);
    expect(ownSubject(handler)).toEqual(departmentPage("d1"));
    expect(ownSubject(actor("department_handler"))).toBeNull();
  });

  it("lets supervisors, quality and admins see any page", () => {
    for (const role of ["supervisor", "quality", "admin"] as const) {
      expect(canReadAppraisal(actor(role), agentPage("u9"))).toBe(true);
      expect(canReadAppraisal(actor(role), departmentPage("d9"))).toBe(true);
    }
  });
});

describe("trendStart", () => {
  it("starts six months back on the 1st, across a year's end", () => {
    expect(trendStart("2026-12-07")).toBe("2026-07-01");
    expect(trendStart("2026-03-31")).toBe("2025-10-01");
    expect(trendStart("2026-03-31", 1)).toBe("2026-03-01");
  });
});
