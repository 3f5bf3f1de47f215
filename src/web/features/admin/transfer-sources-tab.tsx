import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Divider, Form, Input, Switch, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { replyBackDefaults, replyBackFields } from "../../../domain/transfer/reply-back";
import { api } from "../../api/client";
import type {
  CreateTransferSourceInput,
  Items,
  TransferSource,
  UpdateTransferSourceInput,
} from "../../api/types";
import { EditModal } from "../../components/edit-modal";
import { useListEditor } from "../../components/list-editor";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";

const key = ["transfer-sources"];
const required = new Set(["externalNo", "externalDueAt", "description"]);
const replyBackColumns = Object.keys(replyBackDefaults) as (keyof typeof replyBackDefaults)[];

type FormValues = Omit<CreateTransferSourceInput, "webhookSecret"> & { webhookSecret?: string };

const valuesOf = (s: TransferSource): FormValues => ({
  name: s.name,
  hotline: s.hotline,
  mapping: s.mapping,
  active: s.active,
});

/**
 * 转办来源: each upper-level hotline (12345, 95598 …) and which column of its files holds each
 * field, so a supervisor's import and the reply-back (回复单) speak the hotline's layout. The push
 * secret is write-only: left empty in an edit, the one kept stays.
 */
export function TransferSourcesTab() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const sources = useQuery({
    queryKey: key,
    queryFn: () => api.get<Items<TransferSource>>("/transfer-sources").then((r) => r.items),
  });

  const editor = useListEditor<TransferSource, FormValues>({
    form,
    list: sources,
    valuesOf,
    blank: { active: true },
    save: (values, source) => {
      const { webhookSecret, ...rest } = values;
      const secret = webhookSecret ? { webhookSecret } : {};
      return source
        ? api.patch<TransferSource>(`/transfer-sources/${source.id}`, {
            ...rest,
            ...secret,
            version: source.version,
          } satisfies UpdateTransferSourceInput)
        : api.post<TransferSource>("/transfer-sources", {
            ...rest,
            ...secret,
          } satisfies CreateTransferSourceInput);
    },
    refresh: () => client.invalidateQueries({ queryKey: key }),
  });
  const column = (field: string, hint?: string) => (
    <Form.Item
      key={field}
      name={["mapping", field]}
      label={t(`transferSources.field.${field}`)}
      rules={required.has(field) ? [{ required: true, whitespace: true }] : []}
      normalize={(v: string) => v || undefined}
    >
      <Input placeholder={hint} />
    </Form.Item>
  );

  return (
    <QueryState query={sources}>
      <Button type="primary" onClick={() => editor.open(null)} style={{ marginBottom: 8 }}>
        {t("transferSources.new")}
      </Button>
      <ListTable<TransferSource>
        dataSource={sources.data}
        data-testid="transfer-sources"
        columns={[
          { title: t("transferSources.name"), dataIndex: "name" },
          { title: t("transferSources.hotline"), dataIndex: "hotline", width: 110 },
          {
            title: t("transferSources.mapping"),
            render: (_, s) =>
              replyBackFields
                .filter((f) => s.mapping[f])
                .map((f) => (
                  <Tag key={f}>{`${t(`transferSources.field.${f}`)}←${s.mapping[f]}`}</Tag>
                )),
          },
          {
            title: t("transferSources.pushes"),
            dataIndex: "pushes",
            width: 90,
            render: (pushes: boolean) => (pushes ? t("common.yes") : t("common.no")),
          },
          {
            title: t("transferSources.active"),
            dataIndex: "active",
            width: 80,
            render: (active: boolean) => (active ? t("common.yes") : t("common.no")),
          },
          {
            title: "",
            width: 80,
            render: (_, s) => (
              <Button size="small" onClick={() => editor.open(s)}>
                {t("admin.edit")}
              </Button>
            ),
          },
        ]}
      />
      <EditModal
        open={editor.isOpen}
        title={editor.record ? editor.record.name : t("transferSources.new")}
        width={640}
        conflict={editor.conflict === null ? null : t("transferSources.conflict")}
        saving={editor.saving}
        forceRender
        onCancel={editor.close}
        onSave={() => void form.validateFields().then(editor.submit)}
      >
        <Form form={form} layout="vertical" size="small">
          <Form.Item name="name" label={t("transferSources.name")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="hotline"
            label={t("transferSources.hotline")}
            rules={[{ required: true }]}
          >
            <Input placeholder="12345" />
          </Form.Item>
          <Divider plain>{t("transferSources.columns")}</Divider>
          {replyBackFields.map((field) => column(field))}
          <Divider plain>{t("transferSources.replyBackColumns")}</Divider>
          {replyBackColumns.map((field) => column(field, replyBackDefaults[field]))}
          <Form.Item
            name="webhookSecret"
            label={t("transferSources.webhookSecret")}
            extra={t("transferSources.webhookSecretHint")}
            rules={[{ min: 16 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="active" label={t("transferSources.active")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </EditModal>
    </QueryState>
  );
}
