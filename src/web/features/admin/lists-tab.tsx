import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, Segmented, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, fieldErrors } from "../../api/client";
import type { TaxonomyList, Term, TermInput } from "../../api/types";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { codeOptions } from "../../i18n/code-options";
import { useTerms } from "../lists/lists";

const lists: TaxonomyList[] = ["channel", "category", "business_type", "cause"];

/** Channels, categories, business types and causes: add, relabel, retire (never delete: old cases use them). */
export function ListsTab() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [list, setList] = useState<TaxonomyList>("category");
  const terms = useTerms(list);
  const [form] = Form.useForm();
  const refresh = () => client.invalidateQueries({ queryKey: ["terms", list] });
  const add = useMutation({
    mutationFn: (body: TermInput) => api.post<Term>(`/taxonomies/${list}`, body),
    onSuccess: () => {
      form.resetFields();
      void refresh();
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const patch = useMutation({
    mutationFn: ({ code, body }: { code: string; body: Partial<Term> }) =>
      api.patch<Term>(`/taxonomies/${list}/${code}`, body),
    onSuccess: () => void refresh(),
  });
  return (
    <>
      <Segmented<TaxonomyList>
        value={list}
        onChange={setList}
        options={codeOptions(t, "admin.list", lists)}
        style={{ marginBottom: 8 }}
      />
      <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)} style={{ marginBottom: 8 }}>
        <Form.Item name="code" rules={[{ required: true }]}>
          <Input placeholder={t("admin.code")} />
        </Form.Item>
        <Form.Item name="labelZh" rules={[{ required: true }]}>
          <Input placeholder={t("admin.labelZh")} />
        </Form.Item>
        <Form.Item name="labelEn" rules={[{ required: true }]}>
          <Input placeholder={t("admin.labelEn")} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={add.isPending}>
          {t("admin.newTerm")}
        </Button>
      </Form>
      <QueryState query={terms}>
        <ListTable<Term>
          rowKey="code"
          dataSource={terms.data}
          columns={[
            { title: t("admin.code"), dataIndex: "code" },
            { title: t("admin.labelZh"), dataIndex: "labelZh" },
            { title: t("admin.labelEn"), dataIndex: "labelEn" },
            {
              title: t("admin.active"),
              dataIndex: "active",
              render: (a: boolean) =>
                a ? <Tag color="green">{t("common.yes")}</Tag> : <Tag>{t("common.no")}</Tag>,
            },
            {
              title: "",
              render: (_, term) => (
                <Space size={4}>
                  <Button
                    size="small"
                    onClick={() => {
                      const labelZh = window.prompt(t("admin.labelZh"), term.labelZh);
                      if (labelZh) patch.mutate({ code: term.code, body: { labelZh } });
                    }}
                  >
                    {t("admin.relabel")}
                  </Button>
                  <Button
                    size="small"
                    onClick={() =>
                      patch.mutate({ code: term.code, body: { active: !term.active } })
                    }
                  >
                    {term.active ? t("admin.retire") : t("admin.restore")}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
    </>
  );
}
