import { useQueryClient } from "@tanstack/react-query";
import { Form, InputNumber, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { UNREACHABLE_ATTEMPTS_MAX } from "../../../domain/complaint/follow-up-rules";
import { api } from "../../api/client";
import type { ServiceSettings } from "../../api/types";
import { SettingsForm } from "../../components/settings-form";

/** 服务设置: whether owners may record their own cases' follow-up, and the tries "unreachable" needs. */
export function ServiceSettingsTab() {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <SettingsForm<ServiceSettings>
      queryKey={["service-settings"]}
      load={() => api.get<ServiceSettings>("/service-settings")}
      save={(settings) => api.put<ServiceSettings>("/service-settings", settings)}
      savedText={t("serviceSettings.saved")}
      // Case pages offer or hide the follow-up by it.
      onSaved={() => void client.invalidateQueries({ queryKey: ["complaint"] })}
      name="service-settings"
      labelCol={{ span: 10 }}
    >
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
    </SettingsForm>
  );
}
