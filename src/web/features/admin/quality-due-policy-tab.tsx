import { Form, InputNumber, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { disciplines } from "../../../domain/quality/disciplines";
import { slaUnits } from "../../../domain/sla/sla-target";
import { api } from "../../api/client";
import { SettingsForm } from "../../components/settings-form";
import { codeOptions } from "../../i18n/code-options";
import { useStepTitle } from "../quality/step-label";

type Policy = Record<string, { amount: number; unit: string }>;

/** 8D时限: when each discipline is due after an 8D opens; 8Ds opened afterwards follow it. */
export function QualityDuePolicyTab() {
  const { t } = useTranslation();
  const stepTitle = useStepTitle();
  return (
    <SettingsForm<Policy>
      queryKey={["quality-due-policy"]}
      load={() => api.get<Policy>("/quality-due-policy")}
      save={(policy) => api.put<Policy>("/quality-due-policy", policy)}
      savedText={t("quality.saved")}
    >
      {disciplines.map((d) => (
        <Form.Item key={d} label={stepTitle(d)} labelCol={{ span: 6 }}>
          <Space>
            <Form.Item name={[d, "amount"]} noStyle rules={[{ required: true }]}>
              <InputNumber min={0.01} aria-label={`${stepTitle(d)} ${t("quality.amount")}`} />
            </Form.Item>
            <Form.Item name={[d, "unit"]} noStyle rules={[{ required: true }]}>
              <Select
                style={{ width: 140 }}
                aria-label={`${stepTitle(d)} ${t("quality.unit")}`}
                options={codeOptions(t, "quality.units", slaUnits)}
              />
            </Form.Item>
          </Space>
        </Form.Item>
      ))}
    </SettingsForm>
  );
}
