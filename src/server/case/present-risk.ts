import type { RiskLevel, RiskReason } from "../../domain/risk/escalation-risk.js";
import { riskReasonText } from "../../domain/risk/risk-labels.js";

/**
 * 越级投诉风险 as stored on the case (scored with every change, case/case-risk.ts), each reason
 * with its text in the center's language (zh-CN). A row not yet scored reads as low.
 */
export function presentRisk(stored: {
  riskLevel: RiskLevel | null;
  riskScore: number;
  riskReasons: RiskReason[];
}) {
  return {
    level: stored.riskLevel ?? ("low" as const),
    score: stored.riskScore,
    reasons: stored.riskReasons.map((r) => ({ ...r, text: riskReasonText(r) })),
  };
}
