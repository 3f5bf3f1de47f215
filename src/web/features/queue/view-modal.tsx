import { Checkbox, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { QueueColumn } from "../../../domain/saved-view/queue-columns";
import { ApiError } from "../../api/client";
import type { SavedView, ViewFilters } from "../../api/types";
import { useFormRefusal } from "../../components/form-refusal";
import { useViewMutations } from "./saved-views";

type Props = {
  onClose: () => void;
  onSaved: (view: SavedView) => void;
} & (
  | { mode: "create"; filters: ViewFilters; columns: QueueColumn[] | null; mayShare: boolean }
  | { mode: "rename"; view: SavedView }
);

/** Names a new view of the current filters, or renames one; a taken name shows on the field. */
export function ViewModal(props: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; shared?: boolean }>();
  const refusal = useFormRefusal(form);
  const { create, update } = useViewMutations();
  const pending = create.isPending || update.isPending;

  const save = async ({ name, shared }: { name: string; shared?: boolean }) => {
    refusal.clear();
    try {
      const saved =
        props.mode === "create"
          ? await create.mutateAsync({
              name,
              filters: props.filters,
              columns: props.columns,
              shared: !!shared,
            })
          : await update.mutateAsync({ id: props.view.id, version: props.view.version, name });
      props.onSaved(saved);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === "duplicate")
        form.setFields([{ name: "name", errors: [error.problem.title] }]);
      else refusal.refuse(error.problem.title);
    }
  };

  return (
    <Modal
      open
      title={props.mode === "create" ? t("queue.saveView") : t("queue.renameView")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={pending}
      destroyOnHidden
    >
      {refusal.alert}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: props.mode === "rename" ? props.view.name : "" }}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="name"
          label={t("queue.viewName")}
          rules={[{ required: true, whitespace: true, message: t("common.required") }, { max: 60 }]}
        >
          <Input autoFocus maxLength={60} />
        </Form.Item>
        {props.mode === "create" && props.mayShare && (
          <Form.Item name="shared" valuePropName="checked">
            <Checkbox>{t("queue.shareView")}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
