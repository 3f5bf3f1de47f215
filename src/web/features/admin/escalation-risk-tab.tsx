import { Form, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { severities } from "../../../domain/complaint/case-attributes";
import { api } from "../../api/client";
import type { EscalationPolicy, EscalationWords } from "../../api/types";
import { SettingsForm } from "../../components/settings-form";
import { codeOptions } from "../../i18n/code-options";

interface Settings {
  words: string[];
  /** The Select cannot hold null: "off" stands for the policy's null. */
  highRiskSeverity: string;
}
const OFF = "off";

async function load(): Promise<Settings> {
  const [words, policy] = await Promise.all([
    api.get<EscalationWords>("/escalation-words"),
    api.get<EscalationPolicy>("/escalation-policy"),
  ]);
  return { words: words.words, highRiskSeverity: policy.highRiskSeverity ?? OFF };
}

async function save(settings: Settings): Promise<Settings> {
  await api.put<EscalationWords>("/escalation-words", { words: settings.words });
  await api.put<EscalationPolicy>("/escalation-policy", {
    highRiskSeverity: settings.highRiskSeverity === OFF ? null : settings.highRiskSeverity,
  });
  return settings;
}

/**
 * 越级风险: the threatening words the risk looks for and the severity a high-risk case is raised
 * to. Each is its own endpoint; saving scores every open case again on the server.
 */
export function EscalationRiskTab() {
  const { t } = useTranslation();
  return (
    <SettingsForm<Settings>
      queryKey={["escalation-risk-settings"]}
      load={load}
      save={save}
      savedText={t("riskSettings.saved")}
      layout="vertical"
    >
      <Typography.Paragraph type="secondary">{t("riskSettings.wordsHint")}</Typography.Paragraph>
      <Form.Item name="words" label={t("riskSettings.words")}>
        <Select
          mode="tags"
          open={false}
          tokenSeparators={[",", "，", "、", " "]}
          placeholder={t("riskSettings.wordsPlaceholder")}
          aria-label={t("riskSettings.words")}
        />
      </Form.Item>
      <Form.Item name="highRiskSeverity" label={t("riskSettings.policy")}>
        <Select
          style={{ width: 200 }}
          aria-label={t("riskSettings.policy")}
          options={[
            { value: OFF, label: t("riskSettings.policyOff") },
            ...codeOptions(t, "severity", severities),
          ]}
        />
      </Form.Item>
    </SettingsForm>
  );
}
