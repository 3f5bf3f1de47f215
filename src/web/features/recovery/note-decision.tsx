import { Form, Input, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CaseFormDialog } from "./case-form-dialog";

/**
 * A decision with a written note (approve or reject a remedy or an extension, reverse a remedy):
 * what is decided stays in view, and the note is asked for when the decision must say why.
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
  return (
    <CaseFormDialog<{ text?: string }>
      name={name}
      title={title}
      complaintId={complaintId}
      send={({ text }) => send(text || undefined)}
      onClose={onClose}
      intro={<Typography.Paragraph>{summary}</Typography.Paragraph>}
    >
      <Form.Item name="text" label={label} rules={[{ required, message: t("common.required") }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </CaseFormDialog>
  );
}
