import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, Modal, Select, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { roles } from "../../../domain/access/roles";
import { api, fieldErrors } from "../../api/client";
import type { CreateUserInput, UpdateUserInput, User } from "../../api/types";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { codeOptions } from "../../i18n/code-options";
import { useDepartmentOptions, useDepartments, useUsers } from "../lists/lists";

export function UsersTab() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useUsers();
  const departments = useDepartments();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [form] = Form.useForm();
  const [resetForm] = Form.useForm();
  const refresh = () => client.invalidateQueries({ queryKey: ["users"] });
  const create = useMutation({
    mutationFn: (body: CreateUserInput) => api.post<User>("/users", body),
    onSuccess: () => {
      setCreating(false);
      form.resetFields();
      void refresh();
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserInput }) =>
      api.patch<User>(`/users/${id}`, body),
    onSuccess: () => {
      setResetting(null);
      resetForm.resetFields();
      void refresh();
    },
    onError: (e) => resetForm.setFields(fieldErrors(e) as never),
  });
  const departmentName = (id: string | null) =>
    departments.data?.find((d) => d.id === id)?.name ?? "—";
  const departmentOptions = useDepartmentOptions().options;

  return (
    <QueryState query={users}>
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 8 }}>
        {t("admin.newUser")}
      </Button>
      <ListTable<User>
        pagination={{ pageSize: 50 }}
        dataSource={users.data}
        columns={[
          { title: t("admin.agentNo"), dataIndex: "agentNo" },
          { title: t("admin.displayName"), dataIndex: "displayName" },
          { title: t("admin.username"), dataIndex: "username" },
          { title: t("admin.role"), dataIndex: "role", render: (r: string) => t(`role.${r}`) },
          { title: t("field.department"), dataIndex: "departmentId", render: departmentName },
          {
            title: t("admin.active"),
            dataIndex: "active",
            render: (a: boolean) =>
              a ? <Tag color="green">{t("common.yes")}</Tag> : <Tag>{t("common.no")}</Tag>,
          },
          {
            title: "",
            render: (_, u) => (
              <Space size={4}>
                <Button size="small" onClick={() => setResetting(u)}>
                  {t("admin.resetPassword")}
                </Button>
                <Button
                  size="small"
                  danger={u.active}
                  onClick={() => update.mutate({ id: u.id, body: { active: !u.active } })}
                >
                  {u.active ? t("admin.deactivate") : t("admin.activate")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t("admin.newUser")}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        confirmLoading={create.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => create.mutate(v)}
          initialValues={{ role: "agent" }}
        >
          <Form.Item name="username" label={t("admin.username")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label={t("admin.displayName")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="agentNo" label={t("admin.agentNo")} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t("admin.role")}>
            <Select options={codeOptions(t, "role", roles)} />
          </Form.Item>
          <Form.Item name="departmentId" label={t("field.department")}>
            <Select allowClear options={departmentOptions} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("admin.password")}
            rules={[{ required: true, min: 8 }]}
          >
            <Input.Password />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={resetting !== null}
        title={`${t("admin.resetPassword")} · ${resetting?.displayName ?? ""}`}
        onOk={() => resetForm.submit()}
        onCancel={() => setResetting(null)}
        confirmLoading={update.isPending}
      >
        <Form
          form={resetForm}
          layout="vertical"
          onFinish={(v: { password: string }) =>
            resetting && update.mutate({ id: resetting.id, body: { password: v.password } })
          }
        >
          <Form.Item
            name="password"
            label={t("admin.newPassword")}
            rules={[{ required: true, min: 8 }]}
          >
            <Input.Password />
          </Form.Item>
        </Form>
      </Modal>
    </QueryState>
  );
}
