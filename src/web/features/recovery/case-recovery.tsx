import type { Complaint } from "../../api/types";
import { JudgementPanel } from "./judgement-panel";
import { OversightPanel } from "./oversight-panel";
import { RemediesPanel } from "./remedies-panel";

/**
 * The case page's service recovery (issue 13): supervisors' and deadline tools, the judgement on
 * the case and its remedies.
 */
export function CaseRecovery({ complaint }: { complaint: Complaint }) {
  return (
    <>
      <OversightPanel complaint={complaint} />
      <JudgementPanel complaint={complaint} />
      <RemediesPanel complaint={complaint} />
    </>
  );
}
