import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { Complaint } from "../api/types";

const colors = { low: "default", medium: "gold", high: "red" } as const;

/** 越级风险: the level at a glance, every reason (and what was found) on hover. */
export function RiskTag({ risk }: { risk: Complaint["risk"] }) {
  const { t } = useTranslation();
  if (risk.level === "low") return null;
  const reasons = risk.reasons.map((r) =>
    [t(`risk.reason.${r.code}`), r.detail].filter(Boolean).join(t("risk.detailSeparator")),
  );
  return (
    <Tooltip title={reasons.join("；")}>
      <Tag color={colors[risk.level]} data-testid="risk-tag">
        {t("risk.label", { level: t(`risk.level.${risk.level}`), score: risk.score })}
      </Tag>
    </Tooltip>
  );
}
