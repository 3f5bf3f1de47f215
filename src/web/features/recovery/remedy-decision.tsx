import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Form, Input, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { Remedy } from "../../api/types";
import { useMessage } from "../../components/feedback";
import { useFormRefusal } from "../../components/form-refusal";
import { formatAmount } from "../../i18n/i18n";

export type RemedyAction = Remedy["allowedActions"][number];

/**
 * Approve or reject a pending remedy (a note; a rejection must say why), or reverse a granted
 * one (冲正, with a reason). What the remedy is stays in view while deciding.
 */
export function RemedyDecision({
  remedy,
  action,
  onClose,
}: {
  remedy: Remedy;
  action: RemedyAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<{ text?: string }>();
  const refusal = useFormRefusal(form);
  const field = action === "reverse" ? "reason" : "note";
  const run = useMutation({
    mutationFn: ({ text }: { text?: string }) =>
      api.post<Remedy>(`/remedies/${remedy.id}/${action}`, text ? { [field]: text } : {}),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["complaint", remedy.complaintId] });
      void client.invalidateQueries({ queryKey: ["approvals"] });
      void message.success(`${t(`remedy.${action}`)} · ${t("complaint.done")}`);
      onClose();
    },
    onError: (error) => refusal.show(error),
  });
  return (
    <Modal
      open
      title={t(`remedy.${action}`)}
      okText={t("common.submit")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {remedy.complaintNumber} · {t(`remedy.types.${remedy.type}`)} {formatAmount(remedy.amount)}{" "}
        · {remedy.reason}
      </Typography.Paragraph>
      {refusal.alert}
      <Form
        form={form}
        name="remedy-decision"
        layout="vertical"
        onFinish={(values) => run.mutate(values)}
      >
        <Form.Item
          name="text"
          label={t(action === "reverse" ? "remedy.reverseReason" : "remedy.note")}
          rules={[{ required: action !== "approve", message: t("common.required") }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
