import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Form } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "../../components/feedback";
import { useFormRefusal } from "../../components/form-refusal";
import { LazyModal as Modal } from "../../components/lazy-modal";

/**
 * A small form about one case (a decision with a note, a supervisor's tool): mounted open, its
 * refusal shown in place, and once the server took it the case and the 审批 inbox are read again,
 * a toast names what was done and the dialog closes.
 */
export function CaseFormDialog<V extends object>({
  name,
  title,
  complaintId,
  send,
  onClose,
  intro,
  children,
}: {
  /** The form's name (its fields' ids). */
  name: string;
  title: string;
  complaintId: string;
  send: (values: V) => Promise<unknown>;
  onClose: () => void;
  /** Above the form: what is being decided. */
  intro?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<V>();
  const refusal = useFormRefusal(form);
  const run = useMutation({
    mutationFn: send,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["complaint", complaintId] });
      void client.invalidateQueries({ queryKey: ["approvals"] });
      void message.success(`${title} · ${t("complaint.done")}`);
      onClose();
    },
    onError: (error) => refusal.show(error),
  });
  return (
    <Modal
      open
      title={title}
      okText={t("common.submit")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      {intro}
      {refusal.alert}
      <Form form={form} name={name} layout="vertical" onFinish={(values) => run.mutate(values)}>
        {children}
      </Form>
    </Modal>
  );
}
