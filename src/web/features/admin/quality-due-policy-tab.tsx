import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, InputNumber, Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { disciplines } from "../../../domain/quality/disciplines";
import { slaUnits } from "../../../domain/sla/sla-target";
import { api } from "../../api/client";
import { useMessage } from "../../components/feedback";
import { useFormRefusal } from "../../components/form-refusal";
import { QueryState } from "../../components/query-state";
import { useStepTitle } from "../quality/step-label";

type Policy = Record<string, { amount: number; unit: string }>;

/** 8D时限: when each discipline is due after an 8D opens; 8Ds opened afterwards follow it. */
export function QualityDuePolicyTab() {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const stepTitle = useStepTitle();
  const [form] = Form.useForm<Policy>();
  const refusal = useFormRefusal(form);
  const query = useQuery({
    queryKey: ["quality-due-policy"],
    queryFn: () => api.get<Policy>("/quality-due-policy"),
  });
  const save = useMutation({
    mutationFn: (policy: Policy) => api.put<Policy>("/quality-due-policy", policy),
    onSuccess: (policy) => {
      client.setQueryData(["quality-due-policy"], policy);
      refusal.clear();
      void message.success(t("quality.saved"));
    },
    onError: refusal.show,
  });
  return (
    <QueryState isLoading={query.isLoading} error={query.error}>
      {query.data && (
        <Form form={form} initialValues={query.data} onFinish={(v) => save.mutate(v)}>
          {refusal.alert}
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
                    options={slaUnits.map((u) => ({ value: u, label: t(`quality.units.${u}`) }))}
                  />
                </Form.Item>
              </Space>
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" disabled={save.isPending}>
            {t("common.save")}
          </Button>
        </Form>
      )}
    </QueryState>
  );
}
