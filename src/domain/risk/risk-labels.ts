import type { RiskLevel, RiskReasonCode } from "./escalation-risk.js";

type Language = "zh-CN" | "en";

/** Each risk level and reason in each interface language: one table for the API and the workbench. */
export const riskLevelLabels: Record<Language, Record<RiskLevel, string>> = {
  "zh-CN": { low: "低", medium: "中", high: "高" },
  en: { low: "Low", medium: "Medium", high: "High" },
};

export const riskReasonLabels: Record<Language, Record<RiskReasonCode, string>> = {
  "zh-CN": {
    threat_words: "提及监管、媒体或诉讼",
    upper_level_transfer: "上级或监管转办",
    reopened: "已重办",
    dissatisfied_before: "此前回访不满意",
    repeated_contacts: "30天内多次来电",
    overdue: "时限已超",
    extended: "已延期",
    demand_above_authority: "诉求金额超出承办人权限",
    mentality: "投诉心理需重点关注",
  },
  en: {
    threat_words: "Mentions a regulator, the press or a lawsuit",
    upper_level_transfer: "Transferred by an upper-level or regulator hotline",
    reopened: "Reopened",
    dissatisfied_before: "Dissatisfied at an earlier follow-up",
    repeated_contacts: "Called repeatedly within 30 days",
    overdue: "A deadline is missed",
    extended: "Deadline extended",
    demand_above_authority: "Demand above the owner's authority",
    mentality: "Complainant's mentality needs care",
  },
};

/** A reason as a person reads it: its label, and what was found after a colon. */
export function riskReasonText(
  reason: { code: RiskReasonCode; detail?: string },
  language: Language = "zh-CN",
): string {
  const label = riskReasonLabels[language][reason.code];
  return reason.detail ? `${label}${language === "zh-CN" ? "：" : ": "}${reason.detail}` : label;
}
