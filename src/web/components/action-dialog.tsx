import { useQueryClient } from "@tanstack/react-query";
import { Form, type FormInstance, Modal } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Complaint } from "../api/types";
import { useMessage } from "./feedback";
import { useFormRefusal } from "./form-refusal";

/**
 * The form of one action (a command on a case or on a work order), how it shows a refusal, and
 * what every action does once the server took it: it answers with the case as it is now, which
 * the case page shows at once; a toast names the action and the dialog closes.
 */
export function useActionForm(action: string, onClose: () => void) {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const refusal = useFormRefusal(form);
  return {
    form,
    refusal,
    done(updated: Complaint) {
      client.setQueryData(["complaint", updated.id], updated);
      void message.success(`${t(`action.${action}`)} · ${t("complaint.done")}`);
      onClose();
    },
  };
}

interface Props {
  action: string;
  form: FormInstance;
  pending: boolean;
  onClose: () => void;
  /** What OK does; submitting the form unless the action asks nothing. */
  onOk?: () => void;
  /** Wider for a form with a side panel (the reply box and its knowledge suggestions). */
  width?: number;
  children: ReactNode;
}

/** One action in a small dialog, titled by its name; it is mounted open and closes by unmounting. */
export function ActionDialog({ action, form, pending, onClose, onOk, width, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t(`action.${action}`)}
      okText={t("common.submit")}
      cancelText={t("common.cancel")}
      onOk={onOk ?? (() => form.submit())}
      onCancel={onClose}
      confirmLoading={pending}
      width={width}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}
