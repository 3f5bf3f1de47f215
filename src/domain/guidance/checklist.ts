// The guided-handling checklist: the steps an agent ticks while handling a complaint, shared by
// everyone on the case. Pure data and one rule, so the API and the workbench agree on the keys.

import { allowIf, type Decision } from "../access/decision.js";
import type { Actor } from "../access/roles.js";
import { allowedActions, type ComplaintAccess } from "../complaint/complaint-policy.js";

/** LSCIA (沟通五步): Listen, Share, Clarify, Illustrate, Ask. */
export const lsciaSteps = ["listen", "share", "clarify", "illustrate", "ask"] as const;
/** The bank's six steps (六步法): let the customer vent, apologise, facts, solution, act, follow up. */
export const sixSteps = ["vent", "apologise", "facts", "solution", "act", "followUp"] as const;

/** Both methods in the order the panel shows them; a step key is unique across the two. */
export const checklistGroups = [
  { key: "lscia", steps: lsciaSteps },
  { key: "six", steps: sixSteps },
] as const;

export const checklistSteps = [...lsciaSteps, ...sixSteps] as const;
export type ChecklistStep = (typeof checklistSteps)[number];

export function isChecklistStep(step: string): step is ChecklistStep {
  return (checklistSteps as readonly string[]).includes(step);
}

/**
 * Whoever may act on the case right now may tick or untick: the complaint policy's allowed
 * actions decide, so a change there (a role losing the case) changes this too.
 */
export function mayTickChecklist(actor: Actor, complaint: ComplaintAccess): Decision {
  return allowIf(allowedActions(actor, complaint).length > 0, "role_required");
}
