import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { severities } from "../../../domain/complaint/case-attributes";
import { api } from "../../api/client";
import type { EscalationPolicy, EscalationWords } from "../../api/types";
import { useMessage } from "../../components/feedback";
import { useFormRefusal } from "../../components/form-refusal";
import { QueryState } from "../../components/query-state";

interface Settings {
  words: string[];
  /** The Select cannot hold null: "off" stands for the policy's null. */
  highRiskSeverity: string;
}
const OFF = "off";

/**
 * 越级风险: the threatening words the risk looks for and the severity a high-risk case is raised
 * to. Each is its own endpoint; saving scores every open case again on the server.
 */
export function EscalationRiskTab() {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<Settings>();
  const refusal = useFormRefusal(form);
  const query = useQuery({
    queryKey: ["escalation-risk-settings"],
    queryFn: async () => {
      const [words, policy] = await Promise.all([
        api.get<EscalationWords>("/escalation-words"),
        api.get<EscalationPolicy>("/escalation-policy"),
      ]);
      return { words: words.words, highRiskSeverity: policy.highRiskSeverity ?? OFF };
    },
  });
  const save = useMutation({
    mutationFn: async (settings: Settings) => {
      await api.put<EscalationWords>("/escalation-words", { words: settings.words });
      await api.put<EscalationPolicy>("/escalation-policy", {
        highRiskSeverity: settings.highRiskSeverity === OFF ? null : settings.highRiskSeverity,
      });
      return settings;
    },
    onSuccess: (settings) => {
      client.setQueryData(["escalation-risk-settings"], settings);
      refusal.clear();
      void message.success(t("riskSettings.saved"));
    },
    onError: refusal.show,
  });
  return (
    <QueryState isLoading={query.isLoading} error={query.error}>
      {query.data && (
        <Form
          form={form}
          layout="vertical"
          initialValues={query.data}
          onFinish={(v) => save.mutate(v)}
        >
          {refusal.alert}
          <Typography.Paragraph type="secondary">
            {t("riskSettings.wordsHint")}
          </Typography.Paragraph>
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
                ...severities.map((s) => ({ value: s, label: t(`severity.${s}`) })),
              ]}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" disabled={save.isPending}>
              {t("common.save")}
            </Button>
          </Space>
        </Form>
      )}
    </QueryState>
  );
}
