import { Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type RiskLevel, riskLevels } from "../../../domain/risk/escalation-risk";
import type { ComplaintListItem } from "../../api/types";
import { FilterSelect } from "../../components/filter-select";
import { codeOptions } from "../../i18n/code-options";

const colors = { low: "default", medium: "gold", high: "red" } as const;

/** The queue's 越级风险 cell: the level and score, every reason on hover; a dash while low. */
export function RiskCell({ risk }: { risk: ComplaintListItem["risk"] }) {
  const { t } = useTranslation();
  if (risk.level === "low") return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={risk.reasons.map((r) => r.text).join("；")} placement="topLeft">
      <Tag color={colors[risk.level]} data-testid="queue-risk" data-risk={risk.level}>
        {t(`risk.level.${risk.level}`)} {risk.score}
      </Tag>
    </Tooltip>
  );
}

/** The queue's risk filter: kept in the view's filters as `riskLevel`. */
export function RiskFilter({
  value,
  onChange,
}: {
  value: RiskLevel | RiskLevel[] | undefined;
  onChange: (riskLevel: RiskLevel[] | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <FilterSelect
      name={t("riskQueue.filter")}
      width={132}
      mode="multiple"
      maxTagCount="responsive"
      value={[value ?? []].flat()}
      onChange={(levels: RiskLevel[]) => onChange(levels.length ? levels : undefined)}
      options={codeOptions(t, "risk.level", [...riskLevels].reverse())}
    />
  );
}
