import { describe, expect, it } from "vitest";
import { mayDecideExtension, mayOversee } from "./oversight-policy.js";

const as = (role: "agent" | "supervisor" | "admin" | "quality") => ({
  id: role,
  role,
  departmentId: null,
});
const refused = { ok: false, reason: "role_required" };

describe("who decides extensions and oversees cases", () => {
  it.each([
    ["admin", "admin", { ok: true }],
    ["admin", "supervisor", { ok: true }],
    ["supervisor", "supervisor", { ok: true }],
    ["supervisor", "admin", refused],
    ["agent", "supervisor", refused],
  ] as const)("%s deciding an extension the policy gives to %s", (role, approver, decision) => {
    expect(mayDecideExtension(as(role), approver)).toEqual(decision);
  });

  it.each([
    ["supervisor", { ok: true }],
    ["admin", { ok: true }],
    ["agent", refused],
    ["quality", refused],
  ] as const)("%s reminding or supervising", (role, decision) => {
    expect(mayOversee(as(role))).toEqual(decision);
  });
});
