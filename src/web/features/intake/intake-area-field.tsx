import { AutoComplete, Form, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useIntakeAreas } from "../incidents/incidents-api";

/**
 * 被投诉网点/区域 (`complainedBranch`): typed freely, with the places a call is likely about
 * offered as the agent types — live incidents' areas first (marked), then the branches recent
 * cases name most. The live notices above the form narrow to it, and 群体性投诉 counts by it.
 */
export function IntakeAreaField() {
  const { t } = useTranslation();
  const areas = useIntakeAreas();
  const options = (areas.data ?? []).map((a) => ({
    value: a.area,
    label: (
      <Space size={4} data-testid="intake-area-option">
        <span>{a.area}</span>
        {a.liveIncidents > 0 && (
          <Tag color="orange">{t("incidents.intakeAreaIncidents", { count: a.liveIncidents })}</Tag>
        )}
        {a.cases > 0 && (
          <Typography.Text type="secondary">
            {t("incidents.intakeAreaCases", { count: a.cases })}
          </Typography.Text>
        )}
      </Space>
    ),
  }));
  return (
    <Form.Item name="complainedBranch" label={t("incidents.intakeArea")}>
      <AutoComplete
        options={options}
        showSearch={{
          filterOption: (typed, option) => String(option?.value ?? "").includes(typed.trim()),
        }}
        maxLength={200}
        data-testid="intake-area"
      />
    </Form.Item>
  );
}
