import { describe, expect, it } from "vitest";
import type { Role } from "../access/roles.js";
import { mayAddEvidence, mayRemoveEvidence } from "./evidence.js";

const team = { openedById: "opener", memberIds: ["member"], ownerIds: [], championId: "member" };
const actor = (id: string, role: Role = "specialist") => ({ id, role, departmentId: null });
const draft = { d4Status: "draft", caseOpen: true } as const;

describe("D4 evidence", () => {
  it("is added by the team while D4 is a draft or sent back, not once submitted", () => {
    expect(mayAddEvidence(actor("member"), team, draft).ok).toBe(true);
    expect(mayAddEvidence(actor("member"), team, { ...draft, d4Status: "sent_back" }).ok).toBe(
      true,
    );
    expect(mayAddEvidence(actor("member"), team, { ...draft, d4Status: "submitted" })).toEqual({
      ok: false,
      reason: "step_not_editable",
    });
    expect(mayAddEvidence(actor("member"), team, { ...draft, caseOpen: false }).ok).toBe(false);
  });

  it("is never added by an agent nor by someone off the team", () => {
    expect(mayAddEvidence(actor("member", "agent"), team, draft)).toEqual({
      ok: false,
      reason: "role_required",
    });
    expect(mayAddEvidence(actor("stranger"), team, draft)).toEqual({
      ok: false,
      reason: "not_on_team",
    });
  });

  it("is taken back only by its uploader and only while D4 is a draft", () => {
    const file = { uploadedById: "member" };
    expect(mayRemoveEvidence(actor("member"), team, file, draft).ok).toBe(true);
    expect(mayRemoveEvidence(actor("opener"), team, file, draft)).toEqual({
      ok: false,
      reason: "not_uploader",
    });
    expect(
      mayRemoveEvidence(actor("member"), team, file, { ...draft, d4Status: "sent_back" }),
    ).toEqual({ ok: false, reason: "step_not_editable" });
  });
});
