import type { Complaint } from "../../api/types";
import { JudgementPanel } from "./judgement-panel";
import { RemediesPanel } from "./remedies-panel";

/** The case page's service recovery (issue 13): the judgement on the case and its remedies. */
export function CaseRecovery({ complaint }: { complaint: Complaint }) {
  return (
    <>
      <JudgementPanel complaint={complaint} />
      <RemediesPanel complaint={complaint} />
    </>
  );
}
