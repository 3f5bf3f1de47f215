import { Alert, type ModalProps } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { LazyModal as Modal } from "./lazy-modal";

/**
 * The dialog an admin or supervisor edits a record in: save and cancel, busy while saving, and a
 * warning above the form when someone else saved the record first (see `useEditConflict`).
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

/**
 * An edit names the version it was read at, and a 409 version_conflict means a colleague saved
 * first. Then the latest copy is fetched and handed to `show` (which puts the colleague's values
 * in the form and makes them the version the next save names), and the dialog warns, so nothing
 * is overwritten unseen.
 */
export function useEditConflict<R extends { version: number }>(show: (latest: R) => void) {
  const [conflict, setConflict] = useState<number | null>(null);
  return {
    /** The version the colleague's save made, while the dialog shows it; null without a conflict. */
    conflict,
    clear: () => setConflict(null),
    /** true when `error` was a version conflict, now shown; anything else is left to the caller. */
    async resolve(error: unknown, latest: () => Promise<R | null | undefined>) {
      if (!(error instanceof ApiError && error.code === "version_conflict")) return false;
      const fresh = await latest();
      if (fresh) show(fresh);
      setConflict(fresh?.version ?? error.problem.currentVersion ?? null);
      return true;
    },
  };
}

/** The record `id` as its list query reads it now: where a conflicted dialog finds the latest. */
export const refetchedFrom =
  <R extends { id: string }>(list: { refetch(): Promise<{ data?: R[] }> }, id: string) =>
  async () =>
    (await list.refetch()).data?.find((r) => r.id === id);
