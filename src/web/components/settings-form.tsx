import { type QueryKey, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, type FormProps } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "./feedback";
import { useFormRefusal } from "./form-refusal";
import { QueryState } from "./query-state";

/**
 * An admin settings page: the settings as the server has them, one save, the server's refusals on
 * their fields (or above the form), and what was saved kept as the page's copy.
 */
export function SettingsForm<S extends object>({
  queryKey,
  load,
  save,
  savedText,
  onSaved,
  children,
  ...layout
}: {
  queryKey: QueryKey;
  load: () => Promise<S>;
  /** Stores the settings and answers them as they now are. */
  save: (settings: S) => Promise<S>;
  savedText: string;
  /** What else must learn of the change (pages that read the settings). */
  onSaved?: () => void;
  children: ReactNode;
} & Pick<FormProps<S>, "name" | "layout" | "labelCol">) {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [form] = Form.useForm<S>();
  const refusal = useFormRefusal(form);
  const query = useQuery({ queryKey, queryFn: load });
  const saving = useMutation({
    mutationFn: save,
    onSuccess: (saved) => {
      client.setQueryData(queryKey, saved);
      onSaved?.();
      refusal.clear();
      void message.success(savedText);
    },
    onError: refusal.show,
  });
  return (
    <QueryState query={query}>
      {query.data && (
        <Form<S>
          form={form}
          {...layout}
          initialValues={query.data}
          onFinish={(v) => saving.mutate(v)}
        >
          {refusal.alert}
          {children}
          <Button type="primary" htmlType="submit" disabled={saving.isPending}>
            {t("common.save")}
          </Button>
        </Form>
      )}
    </QueryState>
  );
}
