import { useMutation } from "@tanstack/react-query";
import type { FormInstance } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { refetchedFrom, useEditConflict } from "./edit-modal";
import { useMessage } from "./feedback";
import { refuseSave } from "./record-editor";

/**
 * The one dialog of an admin list (skill groups, transfer sources, reply templates) that creates
 * a record or edits one on the version it opened; after a colleague's save, their values are in
 * the form (see `useEditConflict`). `useRecordEditor` is the same for a dialog mounted per record.
 */
export function useListEditor<R extends { id: string; version: number }, V>({
  form,
  list,
  valuesOf,
  blank,
  save,
  refresh,
}: {
  form: FormInstance<V>;
  /** The list query the records come from, where a conflicted dialog finds the latest. */
  list: { refetch(): Promise<{ data?: R[] }> };
  valuesOf: (record: R) => V;
  /** The form of a new record. */
  blank: Partial<V>;
  /** Creates the record (`record` null) or changes it on `record.version`. */
  save: (values: V, record: R | null) => Promise<unknown>;
  /** Refetches the lists that show the record. */
  refresh: () => unknown;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  // null: closed; { record: null }: a new record.
  const [editing, setEditing] = useState<{ record: R | null } | null>(null);
  const edit = useEditConflict<R>((latest) => {
    setEditing({ record: latest });
    form.setFieldsValue(valuesOf(latest) as never);
  });
  const mutation = useMutation({
    mutationFn: ({ values, record }: { values: V; record: R | null }) => save(values, record),
    onSuccess: () => {
      setEditing(null);
      edit.clear();
      void refresh();
      void message.success(t("complaint.done"));
    },
    onError: async (error, { record }) => {
      if (record && (await edit.resolve(error, refetchedFrom(list, record.id)))) return;
      refuseSave(form, error, message);
    },
  });
  return {
    isOpen: editing !== null,
    /** The record being edited; null for a new one (or when closed). */
    record: editing?.record ?? null,
    open(record: R | null) {
      edit.clear();
      setEditing({ record });
      form.resetFields();
      form.setFieldsValue((record ? valuesOf(record) : blank) as never);
    },
    close: () => setEditing(null),
    submit: (values: V) => editing && mutation.mutate({ values, record: editing.record }),
    saving: mutation.isPending,
    /** The version a colleague's save made, while the dialog shows it. */
    conflict: edit.conflict,
  };
}
