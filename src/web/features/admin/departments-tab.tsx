import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, Space } from "antd";
import { useTranslation } from "react-i18next";
import { api, fieldErrors } from "../../api/client";
import type { CreateDepartmentInput, Department } from "../../api/types";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { useDepartments } from "../lists/lists";

export function DepartmentsTab() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const departments = useDepartments();
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (body: CreateDepartmentInput) => api.post<Department>("/departments", body),
    onSuccess: () => {
      form.resetFields();
      void client.invalidateQueries({ queryKey: ["departments"] });
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  return (
    <QueryState query={departments}>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => create.mutate(v)}
        style={{ marginBottom: 8 }}
      >
        <Form.Item name="code" rules={[{ required: true }]}>
          <Input placeholder={t("admin.code")} />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true }]}>
          <Input placeholder={t("admin.name")} />
        </Form.Item>
        <Space>
          <Button htmlType="submit" type="primary" loading={create.isPending}>
            {t("admin.newDepartment")}
          </Button>
        </Space>
      </Form>
      <ListTable<Department>
        dataSource={departments.data}
        columns={[
          { title: t("admin.code"), dataIndex: "code" },
          { title: t("admin.name"), dataIndex: "name" },
        ]}
      />
    </QueryState>
  );
}
