import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, InputNumber, Select, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type {
  CreateReplyTemplateInput,
  ReplyTemplate,
  UpdateReplyTemplateInput,
} from "../../api/types";
import { EditModal } from "../../components/edit-modal";
import { useRefusalToast } from "../../components/feedback";
import { useListEditor } from "../../components/list-editor";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { useTermLabel, useTermOptions } from "../lists/lists";

const allKey = ["reply-templates", "all"];

type FormValues = { title: string; body: string; category?: string | null; sortOrder?: number };

/**
 * 话术 the agents insert into replies: add, edit, retire (never delete: the audit log refers to
 * them). An edit carries the version the admin saw; if someone saved first, the latest text is
 * loaded into the dialog and nothing is overwritten until the admin saves again.
 */
export function ReplyTemplatesTab() {
  const { t } = useTranslation();
  const toastRefusal = useRefusalToast();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const categories = useTermOptions("category");
  const categoryLabel = useTermLabel("category");
  const templates = useQuery({
    queryKey: allKey,
    queryFn: () =>
      api
        .get<{ items: ReplyTemplate[] }>("/reply-templates?includeInactive=true")
        .then((r) => r.items),
  });
  // Every list of templates, the agents' ranked ones included, shows the change.
  const refresh = () => client.invalidateQueries({ queryKey: ["reply-templates"] });

  const editor = useListEditor<ReplyTemplate, FormValues>({
    form,
    list: templates,
    valuesOf,
    blank: { sortOrder: 0, category: null },
    save: (values, template) => {
      const body = { ...values, category: values.category ?? null };
      return template
        ? api.patch<ReplyTemplate>(`/reply-templates/${template.id}`, {
            ...body,
            version: template.version,
          } satisfies UpdateReplyTemplateInput)
        : api.post<ReplyTemplate>("/reply-templates", body satisfies CreateReplyTemplateInput);
    },
    refresh,
  });

  const setActive = useMutation({
    mutationFn: (template: ReplyTemplate) =>
      api.patch<ReplyTemplate>(`/reply-templates/${template.id}`, {
        version: template.version,
        active: !template.active,
      } satisfies UpdateReplyTemplateInput),
    onSuccess: () => void refresh(),
    onError: (error) => {
      toastRefusal(error);
      void refresh();
    },
  });

  return (
    <QueryState query={templates}>
      <Button type="primary" onClick={() => editor.open(null)} style={{ marginBottom: 8 }}>
        {t("admin.newTemplate")}
      </Button>
      <ListTable<ReplyTemplate>
        dataSource={templates.data}
        data-testid="reply-templates"
        columns={[
          { title: t("admin.templateTitle"), dataIndex: "title", width: 140 },
          {
            title: t("admin.templateBody"),
            dataIndex: "body",
            ellipsis: true,
          },
          {
            title: t("admin.templateCategory"),
            dataIndex: "category",
            width: 120,
            render: (code: string | null) => (code ? categoryLabel(code) : t("admin.anyCategory")),
          },
          { title: t("admin.sortOrder"), dataIndex: "sortOrder", width: 70 },
          {
            title: t("admin.active"),
            dataIndex: "active",
            width: 70,
            render: (a: boolean) =>
              a ? <Tag color="green">{t("common.yes")}</Tag> : <Tag>{t("common.no")}</Tag>,
          },
          {
            title: "",
            width: 150,
            render: (_, tpl) => (
              <Space size={4}>
                <Button size="small" onClick={() => editor.open(tpl)}>
                  {t("admin.edit")}
                </Button>
                <Button size="small" danger={tpl.active} onClick={() => setActive.mutate(tpl)}>
                  {tpl.active ? t("admin.retire") : t("admin.restore")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <EditModal
        open={editor.isOpen}
        title={editor.record ? t("admin.editTemplate") : t("admin.newTemplate")}
        onCancel={editor.close}
        forceRender
        saving={editor.saving}
        onSave={() => form.submit()}
        conflict={
          editor.conflict === null
            ? null
            : t("admin.templateConflict", { version: editor.conflict })
        }
      >
        <Form form={form} layout="vertical" onFinish={editor.submit}>
          <Form.Item
            name="title"
            label={t("admin.templateTitle")}
            rules={[{ required: true, max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="body"
            label={t("admin.templateBody")}
            rules={[{ required: true, max: 4000 }]}
          >
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item name="category" label={t("admin.templateCategory")}>
            <Select
              allowClear
              placeholder={t("admin.anyCategory")}
              options={categories.options}
              loading={categories.loading}
            />
          </Form.Item>
          <Form.Item name="sortOrder" label={t("admin.sortOrder")}>
            <InputNumber precision={0} />
          </Form.Item>
        </Form>
      </EditModal>
    </QueryState>
  );
}

function valuesOf(template: ReplyTemplate): FormValues {
  return {
    title: template.title,
    body: template.body,
    category: template.category,
    sortOrder: template.sortOrder,
  };
}
