import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, InputNumber, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { UNREACHABLE_ATTEMPTS_MAX } from "../../../domain/complaint/follow-up-rules";
import { api } from "../../api/client";
import type { ServiceSettings } from "../../api/types";
import { useMessage } from "../../components/feedback";
import { useFormRefusal } from "../../components/form-refusal";
import { QueryState } from "../../components/query-state";

/** 服务设置: whether owners may record their own cases' follow-up, and the tries "unreachable" needs. */
export function ServiceSettingsTab() {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<ServiceSettings>();
  const refusal = useFormRefusal(form);
  const query = useQuery({
    queryKey: ["service-settings"],
    queryFn: () => api.get<ServiceSettings>("/service-settings"),
  });
  const save = useMutation({
    mutationFn: (settings: ServiceSettings) =>
      api.put<ServiceSettings>("/service-settings", settings),
    onSuccess: (saved) => {
      client.setQueryData(["service-settings"], saved);
      // Case pages offer or hide the follow-up by it.
      void client.invalidateQueries({ queryKey: ["complaint"] });
      refusal.clear();
      void message.success(t("serviceSettings.saved"));
    },
    onError: refusal.show,
  });
  return (
    <QueryState isLoading={query.isLoading} error={query.error}>
      {query.data && (
        <Form
          form={form}
          name="service-settings"
          labelCol={{ span: 10 }}
          initialValues={query.data}
          onFinish={(v) => save.mutate(v)}
        >
          {refusal.alert}
          <Form.Item
            name="followUpByOwner"
            label={t("serviceSettings.followUpByOwner")}
            valuePropName="checked"
            extra={t("serviceSettings.followUpByOwnerHint")}
          >
            <Switch />
          </Form.Item>
          <Form.Item
            name="unreachableAttempts"
            label={t("serviceSettings.unreachableAttempts")}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={UNREACHABLE_ATTEMPTS_MAX} precision={0} />
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={save.isPending}>
            {t("common.save")}
          </Button>
        </Form>
      )}
    </QueryState>
  );
}
