import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Form, Input, Modal, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "../../components/feedback";
import { useFormRefusal } from "../../components/form-refusal";

/**
 * A decision with a written note (approve or reject a remedy or an extension, reverse a remedy):
 * what is decided stays in view, the note is asked for when the decision must say why, and once
 * the server took it the case and the 审批 inbox are read again.
 */
export function NoteDecision({
  name,
  title,
  summary,
  label,
  required,
  complaintId,
  send,
  onClose,
}: {
  /** The form's name (its fields' ids). */
  name: string;
  title: string;
  summary: ReactNode;
  label: string;
  required: boolean;
  complaintId: string;
  send: (text: string | undefined) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<{ text?: string }>();
  const refusal = useFormRefusal(form);
  const run = useMutation({
    mutationFn: ({ text }: { text?: string }) => send(text || undefined),
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
      <Typography.Paragraph>{summary}</Typography.Paragraph>
      {refusal.alert}
      <Form form={form} name={name} layout="vertical" onFinish={(values) => run.mutate(values)}>
        <Form.Item name="text" label={label} rules={[{ required, message: t("common.required") }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
