import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { type ComplaintStatus, isOpen } from "../../../domain/complaint/complaint-lifecycle";
import type { CustomerHistory } from "../../api/types";

type Case = CustomerHistory["complaints"][number];
const rank = { low: 0, medium: 1, high: 2 } as const;

/** The caller's open case most likely to be taken over our heads, when any is above low. */
export function riskiestOpenCase(history: Pick<CustomerHistory, "complaints">): Case | null {
  const open = history.complaints.filter(
    (c) => isOpen(c.status as ComplaintStatus) && c.risk.level !== "low",
  );
  return (
    open.sort(
      (a, b) => rank[b.risk.level] - rank[a.risk.level] || b.risk.score - a.risk.score,
    )[0] ?? null
  );
}

/**
 * 越级投诉风险 at intake: shown above the caller's history as soon as the lookup finds them, so
 * the agent knows before speaking that this caller threatened a regulator, was let down before…
 */
export function CallerRisk({ customer }: { customer: Pick<CustomerHistory, "complaints"> }) {
  const { t } = useTranslation();
  const riskiest = riskiestOpenCase(customer);
  if (!riskiest) return null;
  const { risk } = riskiest;
  return (
    <Alert
      data-testid="caller-risk"
      type={risk.level === "high" ? "error" : "warning"}
      showIcon
      style={{ marginBottom: 8 }}
      message={`${t("riskIntake.title", {
        level: t(`risk.level.${risk.level}`),
        score: risk.score,
      })} · ${t("riskIntake.from", { number: riskiest.number })}`}
      description={risk.reasons.map((r) => r.text).join("；")}
    />
  );
}
