// A discipline's status: draft → submitted → approved, or sent back (with a comment) to be
// edited and submitted again. A step waits for the steps it depends on to be approved before it
// may be submitted: each waits for the one before, except D3 (containment is urgent and may run
// before D2 is approved) and D4, which needs both the problem (D2) and its containment (D3);
// D8 needs D6's verification approved, and D7 before it.

import type { Discipline } from "./disciplines.js";
import { missingFields } from "./disciplines.js";

export const stepStatuses = ["draft", "submitted", "approved", "sent_back"] as const;
export type StepStatus = (typeof stepStatuses)[number];

export const stepCommands = ["edit", "submit", "approve", "send_back"] as const;
export type StepCommand = (typeof stepCommands)[number];

export const dependsOn: Record<Discipline, readonly Discipline[]> = {
  d0: [],
  d1: ["d0"],
  d2: ["d1"],
  d3: [],
  d4: ["d2", "d3"],
  d5: ["d4"],
  d6: ["d5"],
  d7: ["d6"],
  d8: ["d6", "d7"],
};

export type StepRefusal =
  | "step_not_editable"
  | "step_not_submitted"
  | "step_waiting"
  | "step_incomplete"
  | "comment_required";

export type StepCheck =
  | { ok: true; status: StepStatus }
  | { ok: false; reason: StepRefusal; waitingFor?: Discipline[]; missing?: string[] };

export interface StepView {
  status: StepStatus;
  data: unknown;
}

/** Whether `command` may run on `discipline` now, and the status it leaves behind. */
export function checkStep(
  discipline: Discipline,
  command: StepCommand,
  steps: Record<Discipline, StepView>,
  comment?: string | null,
): StepCheck {
  const step = steps[discipline];
  const editable = step.status === "draft" || step.status === "sent_back";
  switch (command) {
    case "edit":
      return editable
        ? { ok: true, status: step.status }
        : { ok: false, reason: "step_not_editable" };
    case "submit": {
      if (!editable) return { ok: false, reason: "step_not_editable" };
      const waitingFor = dependsOn[discipline].filter((d) => steps[d].status !== "approved");
      if (waitingFor.length > 0) return { ok: false, reason: "step_waiting", waitingFor };
      const missing = missingFields(discipline, step.data);
      if (missing.length > 0) return { ok: false, reason: "step_incomplete", missing };
      return { ok: true, status: "submitted" };
    }
    case "approve":
      return step.status === "submitted"
        ? { ok: true, status: "approved" }
        : { ok: false, reason: "step_not_submitted" };
    case "send_back":
      if (step.status !== "submitted") return { ok: false, reason: "step_not_submitted" };
      if (!comment?.trim()) return { ok: false, reason: "comment_required" };
      return { ok: true, status: "sent_back" };
  }
}

/**
 * The case's current step: the first discipline not yet approved (containment running ahead
 * does not move it), or null when all are approved: the case is closed.
 */
export function currentStep(statuses: Record<Discipline, StepStatus>): Discipline | null {
  const order: Discipline[] = ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8"];
  return order.find((d) => statuses[d] !== "approved") ?? null;
}
