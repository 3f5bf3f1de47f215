import { useMutation } from "@tanstack/react-query";
import type { FormInstance } from "antd";
import { useState } from "react";
import { ApiError, fieldErrors } from "../api/client";
import { useEditConflict } from "./edit-modal";
import { type Toasts, useMessage } from "./feedback";

/**
 * A dialog that creates a record or edits one on the version it opened (an article, an
 * incident): the save, its refusals on their fields or in a message, and after a colleague's
 * save their values in the form (see `useEditConflict`).
 */
export function useRecordEditor<R extends { version: number }, V>({
  record,
  form,
  valuesOf,
  reload,
  save,
  savedText,
  refresh,
  onSaved,
  onClose,
}: {
  /** null: a new record. */
  record: R | null;
  form: FormInstance<V>;
  valuesOf: (record: R) => V;
  /** The current copy after a 409. */
  reload?: () => Promise<R | undefined>;
  /** Creates the record (`base` null) or changes it on `base.version`. */
  save: (values: V, base: R | null) => Promise<R>;
  savedText: string;
  /** Refetches the lists and pages that show the record. */
  refresh: () => unknown;
  onSaved?: (saved: R) => void;
  onClose: () => void;
}) {
  const message = useMessage();
  const [base, setBase] = useState(record);
  const edit = useEditConflict<R>((latest) => {
    setBase(latest);
    form.setFieldsValue(valuesOf(latest) as never);
  });
  const mutation = useMutation({
    mutationFn: (values: V) => save(values, base),
    onSuccess: (saved) => {
      void refresh();
      void message.success(savedText);
      onSaved?.(saved);
      onClose();
    },
    onError: async (error) => {
      if (base && reload && (await edit.resolve(error, reload))) return;
      refuseSave(form, error, message);
    },
  });
  return { save: mutation, conflict: edit.conflict };
}

/** A refused save that was no version conflict: on its fields, or else in a message. */
export function refuseSave(form: FormInstance, error: unknown, message: Toasts) {
  const fields = fieldErrors(error);
  if (fields.length) form.setFields(fields as never);
  else if (error instanceof ApiError) void message.error(error.problem.title);
}
