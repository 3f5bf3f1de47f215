import { Alert, Modal, type ModalProps } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * The dialog an admin or supervisor edits a record in: save and cancel, busy while saving, and a
 * warning above the form when someone else saved the record first (409 version_conflict).
 */
export function EditModal({
  conflict,
  saving,
  onSave,
  children,
  ...modal
}: {
  /** What to say when the record moved on since it was read; nothing when it did not. */
  conflict: string | null;
  saving: boolean;
  onSave(): void;
  children: ReactNode;
} & Pick<ModalProps, "open" | "title" | "width" | "onCancel" | "forceRender" | "okButtonProps">) {
  const { t } = useTranslation();
  return (
    <Modal
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={onSave}
      confirmLoading={saving}
      {...modal}
    >
      {conflict !== null && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={conflict} />
      )}
      {children}
    </Modal>
  );
}
