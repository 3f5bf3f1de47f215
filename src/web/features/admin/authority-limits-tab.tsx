import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AuthorityLimits, AuthorityLimitsInput } from "../../api/types";
import { useMessage } from "../../components/feedback";
import { useFormRefusal } from "../../components/form-refusal";
import { QueryState } from "../../components/query-state";

type Row = AuthorityLimits["items"][number];
const limitsQuery = {
  queryKey: ["authority-limits"],
  queryFn: () => api.get<AuthorityLimits>("/authority-limits"),
};
/** A blank field is no limit, as null is in the API. */
const limit = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/**
 * 补救权限: per role and type, what one may grant on a case and in a month without approval
 * (blank: unlimited). Saved as one table, so a half-edited set never applies.
 */
export function AuthorityLimitsTab() {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const query = useQuery(limitsQuery);
  const [form] = Form.useForm<{ items: Row[] }>();
  const refusal = useFormRefusal(form);
  useEffect(() => {
    if (query.data) form.setFieldsValue({ items: query.data.items });
  }, [query.data, form]);
  const save = useMutation({
    mutationFn: (body: AuthorityLimitsInput) => api.put<AuthorityLimits>("/authority-limits", body),
    onSuccess: (saved) => {
      refusal.clear();
      client.setQueryData(limitsQuery.queryKey, saved);
      void message.success(t("authority.saved"));
    },
    onError: (error) => refusal.show(error),
  });
  const rows = query.data?.items ?? [];
  return (
    <QueryState query={query}>
      {refusal.alert}
      <Form
        form={form}
        name="authority-limits"
        size="small"
        data-testid="authority-limits"
        onFinish={(values) =>
          save.mutate({
            items: rows.map((row, i) => ({
              role: row.role,
              type: row.type,
              perCase: limit(values.items[i]?.perCase),
              monthly: limit(values.items[i]?.monthly),
            })),
          })
        }
      >
        <table className="plain-table">
          <thead>
            <tr>
              <th>{t("authority.role")}</th>
              <th>{t("remedy.type")}</th>
              <th>{t("authority.perCase")}</th>
              <th>{t("authority.monthly")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${row.role}-${row.type}`} data-testid="authority-limit">
                <td>{t(`role.${row.role}`)}</td>
                <td>{t(`remedy.types.${row.type}`)}</td>
                {(["perCase", "monthly"] as const).map((field) => (
                  <td key={field}>
                    <Form.Item name={["items", i, field]} noStyle>
                      <Input
                        style={{ width: 120 }}
                        inputMode="decimal"
                        placeholder={t("authority.unlimited")}
                        aria-label={`${t(`role.${row.role}`)} ${t(`remedy.types.${row.type}`)} ${t(`authority.${field}`)}`}
                      />
                    </Form.Item>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t("authority.hint")}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" disabled={save.isPending}>
          {t("common.save")}
        </Button>
      </Form>
    </QueryState>
  );
}
