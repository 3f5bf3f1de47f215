import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Divider, Form, Input, Switch, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { replyBackDefaults, replyBackFields } from "../../../domain/transfer/reply-back";
import { ApiError, api, fieldErrors } from "../../api/client";
import type {
  CreateTransferSourceInput,
  Items,
  TransferSource,
  UpdateTransferSourceInput,
} from "../../api/types";
import { EditModal, refetchedFrom, useEditConflict } from "../../components/edit-modal";
import { useMessage } from "../../components/feedback";
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
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [editing, setEditing] = useState<{ source: TransferSource | null } | null>(null);
  const edit = useEditConflict<TransferSource>((latest) => {
    setEditing({ source: latest });
    form.setFieldsValue(valuesOf(latest));
  });
  const sources = useQuery({
    queryKey: key,
    queryFn: () => api.get<Items<TransferSource>>("/transfer-sources").then((r) => r.items),
  });

  const save = useMutation({
    mutationFn: ({ source, values }: { source: TransferSource | null; values: FormValues }) => {
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
    onSuccess: () => {
      setEditing(null);
      edit.clear();
      void client.invalidateQueries({ queryKey: key });
      void message.success(t("complaint.done"));
    },
    onError: async (error, { source }) => {
      if (source && (await edit.resolve(error, refetchedFrom(sources, source.id)))) return;
      const fields = fieldErrors(error);
      if (fields.length) form.setFields(fields as never);
      else if (error instanceof ApiError) void message.error(error.problem.title);
    },
  });

  const open = (source: TransferSource | null) => {
    edit.clear();
    setEditing({ source });
    form.resetFields();
    form.setFieldsValue(source ? valuesOf(source) : { active: true });
  };
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
      <Button type="primary" onClick={() => open(null)} style={{ marginBottom: 8 }}>
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
              <Button size="small" onClick={() => open(s)}>
                {t("admin.edit")}
              </Button>
            ),
          },
        ]}
      />
      <EditModal
        open={editing !== null}
        title={editing?.source ? editing.source.name : t("transferSources.new")}
        width={640}
        conflict={edit.conflict === null ? null : t("transferSources.conflict")}
        saving={save.isPending}
        forceRender
        onCancel={() => setEditing(null)}
        onSave={() =>
          void form
            .validateFields()
            .then((values) => save.mutate({ source: editing?.source ?? null, values }))
        }
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
