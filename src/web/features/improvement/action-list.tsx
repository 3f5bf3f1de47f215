import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, DatePicker, Form, Input, Modal, Radio, Select, Space, Tag } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { canManageActions } from "../../../domain/improvement/improvement-actions";
import { ApiError, api } from "../../api/client";
import type { ImprovementAction } from "../../api/types";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { useTermOptions, useUsers } from "../lists/lists";
import { useUser } from "../session/session";
import { ActionHistory } from "./action-history";

const statusColor = {
  open: "default",
  in_progress: "processing",
  done: "warning",
  verified: "success",
};

interface CreateForm {
  title: string;
  description?: string;
  ownerId: string;
  dueDate: Dayjs;
  cause?: string;
  category?: string;
}

/** 整改措施: the list, set up and verified by managers, moved along by their owners. */
export function ActionList() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useUser();
  const client = useQueryClient();
  const manager = canManageActions(user.role);
  const actions = useQuery({
    queryKey: ["improvement-actions"],
    queryFn: () => api.get<{ items: ImprovementAction[] }>("/improvement-actions"),
  });
  // The month's analysis counts the actions too.
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["improvement-actions"] }),
      client.invalidateQueries({ queryKey: ["reports", "monthly-analysis"] }),
    ]);
  const shown = (error: unknown) =>
    message.error(error instanceof ApiError ? error.problem.title : String(error));
  const move = useMutation({
    mutationFn: ({ a, status }: { a: ImprovementAction; status: string }) =>
      api.patch(`/improvement-actions/${a.id}`, { version: a.version, status }),
    onSuccess: refresh,
    onError: shown,
  });
  const [creating, setCreating] = useState(false);
  const [verifying, setVerifying] = useState<ImprovementAction | null>(null);
  const lang = i18n.language === "en" ? "en" : "zh";
  return (
    <>
      {manager && (
        <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
          {t("improvement.create")}
        </Button>
      )}
      <QueryState query={actions}>
        <ListTable<ImprovementAction>
          dataSource={actions.data?.items ?? []}
          expandable={{ expandedRowRender: (a) => <ActionHistory id={a.id} /> }}
          columns={[
            { title: t("improvement.action"), dataIndex: "title" },
            {
              title: t("improvement.about"),
              render: (_, a) => a.about[lang] || a.about.zh,
            },
            { title: t("improvement.owner"), render: (_, a) => a.owner.name },
            { title: t("improvement.dueDate"), dataIndex: "dueDate" },
            {
              title: t("improvement.status"),
              render: (_, a) => (
                <Space size={4}>
                  <Tag color={statusColor[a.status]} data-testid="action-status">
                    {t(`improvement.statuses.${a.status}`)}
                  </Tag>
                  {a.overdue && <Tag color="error">{t("improvement.overdue")}</Tag>}
                </Space>
              ),
            },
            {
              title: "",
              render: (_, a) => (
                <Space size={4}>
                  {(manager || a.owner.id === user.id) && a.status === "open" && (
                    <Button size="small" onClick={() => move.mutate({ a, status: "in_progress" })}>
                      {t("improvement.start")}
                    </Button>
                  )}
                  {(manager || a.owner.id === user.id) &&
                    (a.status === "open" || a.status === "in_progress") && (
                      <Button size="small" onClick={() => move.mutate({ a, status: "done" })}>
                        {t("improvement.markDone")}
                      </Button>
                    )}
                  {manager && a.status === "done" && a.owner.id !== user.id && (
                    <Button size="small" type="primary" onClick={() => setVerifying(a)}>
                      {t("improvement.verify")}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
      {creating && <CreateDialog onClose={() => setCreating(false)} onDone={refresh} />}
      {verifying && (
        <VerifyDialog action={verifying} onClose={() => setVerifying(null)} onDone={refresh} />
      )}
    </>
  );
}

function CreateDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateForm>();
  const users = useUsers();
  const causes = useTermOptions("cause");
  const categories = useTermOptions("category");
  const create = useMutation({
    mutationFn: (v: CreateForm) =>
      api.post("/improvement-actions", {
        ...v,
        dueDate: v.dueDate.format("YYYY-MM-DD"),
        cause: v.cause ?? null,
        category: v.category ?? null,
      }),
    onSuccess: () => {
      onDone();
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t("improvement.create")}
      okText={t("common.submit")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="title" label={t("improvement.action")} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t("improvement.description")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="ownerId" label={t("improvement.owner")} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="action-owner"
            options={(users.data ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.agentNo}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="dueDate" label={t("improvement.dueDate")} rules={[{ required: true }]}>
          <DatePicker data-testid="action-due" />
        </Form.Item>
        <Form.Item name="cause" label={t("improvement.cause")}>
          <Select allowClear options={causes.options} data-testid="action-cause" />
        </Form.Item>
        <Form.Item name="category" label={t("improvement.category")}>
          <Select allowClear options={categories.options} />
        </Form.Item>
        {create.error && (
          <div role="alert" style={{ color: "#cf1322" }}>
            {create.error instanceof ApiError
              ? create.error.problem.title
              : t("improvement.causeOrCategory")}
          </div>
        )}
      </Form>
    </Modal>
  );
}

function VerifyDialog({
  action,
  onClose,
  onDone,
}: {
  action: ImprovementAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ effective: boolean; note: string }>();
  const verify = useMutation({
    mutationFn: (v: { effective: boolean; note: string }) =>
      api.post(`/improvement-actions/${action.id}/verify`, { version: action.version, ...v }),
    onSuccess: () => {
      onDone();
      onClose();
    },
  });
  return (
    <Modal
      open
      title={`${t("improvement.verify")}：${action.title}`}
      okText={t("common.submit")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={verify.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ effective: true }}
        onFinish={(v) => verify.mutate(v)}
      >
        <Form.Item name="effective" label={t("improvement.effective")}>
          <Radio.Group
            options={[
              { value: true, label: t("improvement.effectiveYes") },
              { value: false, label: t("improvement.effectiveNo") },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t("improvement.note")} rules={[{ required: true }]}>
          <Input.TextArea rows={2} data-testid="verify-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
