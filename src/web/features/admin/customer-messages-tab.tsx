import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { CustomerMessageTemplates } from "../../api/types";
import { Card } from "../../components/card";
import { useMessage } from "../../components/feedback";
import { useFormRefusal } from "../../components/form-refusal";
import { QueryState } from "../../components/query-state";

type Template = CustomerMessageTemplates["items"][number];
const key = ["customer-message-templates"];

/** The wording of 受理回执 and the other messages to customers, per event and language. */
export function CustomerMessagesTab() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: key,
    queryFn: () => api.get<CustomerMessageTemplates>("/customer-message-templates"),
  });
  return (
    <QueryState query={query}>
      {query.data && (
        <>
          <Typography.Paragraph>
            {t("admin.customerMessagesIntro")}{" "}
            {query.data.fields.map((f) => (
              <Typography.Text code key={f}>{`{${f}}`}</Typography.Text>
            ))}
          </Typography.Paragraph>
          {query.data.items.map((item) => (
            <TemplateCard key={`${item.event}-${item.locale}`} item={item} />
          ))}
        </>
      )}
    </QueryState>
  );
}

function TemplateCard({ item }: { item: Template }) {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<{ subject: string; body: string }>();
  const refusal = useFormRefusal(form);
  const path = `/customer-message-templates/${item.event}/${item.locale}`;
  const done = (saved: Template) => {
    form.setFieldsValue(saved);
    refusal.clear();
    void client.invalidateQueries({ queryKey: key });
    void message.success(t("admin.customerMessageSaved"));
  };
  const save = useMutation({
    mutationFn: (values: { subject: string; body: string }) => api.put<Template>(path, values),
    onSuccess: done,
    onError: refusal.show,
  });
  const reset = useMutation({
    mutationFn: () => api.delete<Template>(path),
    onSuccess: done,
    onError: refusal.show,
  });
  const title = `${t(`admin.customerMessageEvents.${item.event}`)} · ${item.locale}`;
  return (
    <Card
      size="small"
      title={title}
      extra={item.custom && <Tag color="blue">{t("admin.customerMessageCustom")}</Tag>}
      style={{ marginBottom: 12 }}
      data-testid={`customer-message-${item.event}-${item.locale}`}
    >
      <Form form={form} layout="vertical" initialValues={item} onFinish={(v) => save.mutate(v)}>
        {refusal.alert}
        <Form.Item
          name="subject"
          label={t("admin.customerMessageSubject")}
          rules={[{ required: true }]}
        >
          <Input maxLength={200} aria-label={`${title} ${t("admin.customerMessageSubject")}`} />
        </Form.Item>
        <Form.Item name="body" label={t("admin.customerMessageBody")} rules={[{ required: true }]}>
          <Input.TextArea
            rows={3}
            maxLength={1000}
            aria-label={`${title} ${t("admin.customerMessageBody")}`}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" disabled={save.isPending}>
            {t("common.save")}
          </Button>
          <Button disabled={!item.custom || reset.isPending} onClick={() => reset.mutate()}>
            {t("admin.customerMessageReset")}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
