import { type Severity, severities } from "../complaint/case-attributes.js";
import type { RiskLevel } from "./escalation-risk.js";

/**
 * The center's policy for a high-risk case: the severity it is raised to at least, or null when
 * risk never touches severity. Without a saved choice a high risk makes a case at least `high`.
 */
export type HighRiskSeverity = Severity | null;
export const defaultHighRiskSeverity: HighRiskSeverity = "high";

/**
 * The severity a case should have once its risk is known: raised to the policy's floor while the
 * case is open and its risk is high; otherwise, and whenever it is already at or above the floor,
 * as it is. Never lower: a supervisor's or a breach's raise stands when the risk falls again.
 */
export function severityForRisk(
  current: Severity,
  risk: { level: RiskLevel; open: boolean },
  floor: HighRiskSeverity,
): Severity {
  if (!floor || risk.level !== "high" || !risk.open) return current;
  return severities.indexOf(floor) > severities.indexOf(current) ? floor : current;
}
