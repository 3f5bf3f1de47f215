import { Form, Input, Select, Switch } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { articleKinds } from "../../../domain/knowledge/knowledge";
import { api } from "../../api/client";
import type {
  CreateArticleInput,
  KnowledgeArticle,
  KnowledgeArticleDetail,
  UpdateArticleInput,
} from "../../api/types";
import { EditModal } from "../../components/edit-modal";
import { PeriodFields } from "../../components/period-fields";
import { useRecordEditor } from "../../components/record-editor";
import { codeOptions } from "../../i18n/code-options";
import { useTermOptions } from "../lists/lists";
import { useRefreshKnowledge } from "./knowledge-api";

type FormValues = {
  kind: KnowledgeArticle["kind"];
  title: string;
  body: string;
  category?: string | null;
  tags?: string[];
  effectiveFrom?: Dayjs | null;
  effectiveTo?: Dayjs | null;
  mustRead?: boolean;
};

const valuesOf = (article: KnowledgeArticle): FormValues => ({
  kind: article.kind,
  title: article.title,
  body: article.body,
  category: article.category,
  tags: article.tags,
  effectiveFrom: article.effectiveFrom ? dayjs(article.effectiveFrom) : null,
  effectiveTo: article.effectiveTo ? dayjs(article.effectiveTo) : null,
  mustRead: article.mustRead,
});

const bodyOf = (values: FormValues) => ({
  kind: values.kind,
  title: values.title,
  body: values.body,
  category: values.category ?? null,
  tags: values.tags ?? [],
  effectiveFrom: values.effectiveFrom ? values.effectiveFrom.toISOString() : null,
  effectiveTo: values.effectiveTo ? values.effectiveTo.toISOString() : null,
  mustRead: values.mustRead ?? false,
});

/**
 * A new article, or a new version of one: the edit carries the version the editor opened, and if
 * someone saved first the latest text is loaded into the dialog so nothing is overwritten unseen.
 */
export function ArticleEditor({
  article,
  onClose,
  onSaved,
  reload,
}: {
  /** null: a new article. */
  article: KnowledgeArticle | null;
  onClose: () => void;
  onSaved?: (saved: KnowledgeArticle) => void;
  /** The current copy after a 409. */
  reload?: () => Promise<KnowledgeArticleDetail | undefined>;
}) {
  const { t } = useTranslation();
  const categories = useTermOptions("category");
  const [form] = Form.useForm<FormValues>();
  const { save, conflict } = useRecordEditor<KnowledgeArticle, FormValues>({
    record: article,
    form,
    valuesOf,
    reload,
    save: (values, base) =>
      base
        ? api.patch<KnowledgeArticle>(`/knowledge/${base.id}`, {
            ...bodyOf(values),
            version: base.version,
          } satisfies UpdateArticleInput)
        : api.post<KnowledgeArticle>("/knowledge", bodyOf(values) satisfies CreateArticleInput),
    savedText: t("knowledge.saved"),
    refresh: useRefreshKnowledge(),
    onSaved,
    onClose,
  });

  return (
    <EditModal
      open
      width={720}
      title={article ? t("knowledge.edit") : t("knowledge.newArticle")}
      onCancel={onClose}
      okButtonProps={{ "data-testid": "article-save" } as never}
      saving={save.isPending}
      onSave={() => form.submit()}
      conflict={conflict === null ? null : t("knowledge.conflict", { version: conflict })}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={article ? valuesOf(article) : { kind: "policy", mustRead: false, tags: [] }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="kind" label={t("knowledge.kindLabel")} rules={[{ required: true }]}>
          <Select options={codeOptions(t, "knowledge.kind", articleKinds)} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("knowledge.articleTitle")}
          rules={[{ required: true, max: 120 }]}
        >
          <Input data-testid="article-title" />
        </Form.Item>
        <Form.Item name="body" label={t("knowledge.body")} rules={[{ required: true }]}>
          <Input.TextArea rows={8} data-testid="article-body" />
        </Form.Item>
        <Form.Item name="category" label={t("knowledge.category")}>
          <Select
            allowClear
            placeholder={t("knowledge.anyCategory")}
            options={categories.options}
            loading={categories.loading}
          />
        </Form.Item>
        <Form.Item name="tags" label={t("knowledge.tags")}>
          <Select mode="tags" open={false} />
        </Form.Item>
        <PeriodFields
          from={{ name: "effectiveFrom", label: t("knowledge.effectiveFrom") }}
          to={{ name: "effectiveTo", label: t("knowledge.effectiveTo") }}
        />
        <Form.Item name="mustRead" label={t("knowledge.mustRead")} valuePropName="checked">
          <Switch data-testid="article-must-read" />
        </Form.Item>
      </Form>
    </EditModal>
  );
}
