// D4's evidence: files that back a root cause of occurrence or of escape. The team adds them while
// D4 is still being written (draft, or sent back to be reworked); once D4 is submitted the
// evidence is what the approver read, so it stays. Only the person who added a file takes it back,
// and only while D4 is a draft: a file others may already have cited is not pulled from under them.

import { allow, type Decision, refuse } from "../access/decision.js";
import type { Actor } from "../access/roles.js";
import { mayEditQualityCase, type QualityTeam } from "./quality-policy.js";
import type { StepStatus } from "./steps.js";

export const rootCauseKinds = ["occurrence", "escape"] as const;
export type RootCauseKind = (typeof rootCauseKinds)[number];

/** A refusal of who may act (403), or of when: D4 is no longer open to the change (409). */
export type EvidenceDecision = Decision | { ok: false; reason: "step_not_editable" };

interface D4State {
  d4Status: StepStatus;
  caseOpen: boolean;
}

export function mayAddEvidence(actor: Actor, team: QualityTeam, at: D4State): EvidenceDecision {
  const edit = mayEditQualityCase(actor, team);
  if (!edit.ok) return edit;
  return at.caseOpen && (at.d4Status === "draft" || at.d4Status === "sent_back")
    ? allow
    : { ok: false, reason: "step_not_editable" };
}

export function mayRemoveEvidence(
  actor: Actor,
  team: QualityTeam,
  file: { uploadedById: string },
  at: D4State,
): EvidenceDecision {
  const edit = mayEditQualityCase(actor, team);
  if (!edit.ok) return edit;
  if (file.uploadedById !== actor.id) return refuse("not_uploader");
  return at.caseOpen && at.d4Status === "draft"
    ? allow
    : { ok: false, reason: "step_not_editable" };
}
