import { describe, expect, it } from "vitest";
import type { Actor } from "../access/roles.js";
import type { ComplaintAccess } from "../complaint/complaint-policy.js";
import { checklistSteps, isChecklistStep, mayTickChecklist } from "./checklist.js";

const handler: Actor = { id: "h", role: "department_handler", departmentId: "cards" };
const agent: Actor = { id: "a", role: "agent", departmentId: null };
const dispatchedTo = (departmentId: string): ComplaintAccess => ({
  status: "dispatched",
  kind: "complaint",
  ownerId: "someone-else",
  workOrders: [{ departmentId, status: "pending" }],
});

describe("guided-handling checklist", () => {
  it("has eleven distinct steps: LSCIA then the six steps", () => {
    expect(checklistSteps).toHaveLength(11);
    expect(new Set(checklistSteps).size).toBe(11);
    expect(checklistSteps.slice(0, 5)).toEqual(["listen", "share", "clarify", "illustrate", "ask"]);
  });

  it("knows its steps and nothing else", () => {
    expect(isChecklistStep("followUp")).toBe(true);
    expect(isChecklistStep("follow-up")).toBe(false);
    expect(isChecklistStep("toString")).toBe(false);
  });

  it("lets whoever may act on the case tick, and a department only on its own cases", () => {
    expect(mayTickChecklist(agent, dispatchedTo("loans"))).toEqual({ ok: true });
    expect(mayTickChecklist(handler, dispatchedTo("cards"))).toEqual({ ok: true });
    expect(mayTickChecklist(handler, dispatchedTo("loans"))).toEqual({
      ok: false,
      reason: "role_required",
    });
  });
});
