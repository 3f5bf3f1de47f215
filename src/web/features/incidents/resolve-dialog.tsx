import { useMutation } from "@tanstack/react-query";
import { Form, Input, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client";
import type { BulkReply, IncidentDetail, ResolvedIncident } from "../../api/types";
import { useMessage } from "../../components/feedback";
import { useRefreshIncidents } from "./incidents-api";

/** 解除公告, with one optional reply the server sends to each linked case it can answer. */
export function ResolveDialog({
  incident,
  onClose,
  onResolved,
}: {
  incident: IncidentDetail;
  onClose: () => void;
  onResolved: (result: BulkReply | null) => void;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const refresh = useRefreshIncidents();
  const [form] = Form.useForm<{ reply?: string }>();
  const resolve = useMutation({
    mutationFn: ({ reply }: { reply?: string }) =>
      api.post<ResolvedIncident>(`/incidents/${incident.id}/resolve`, {
        version: incident.version,
        ...(reply?.trim() ? { reply: reply.trim() } : {}),
      }),
    onSuccess: (resolved) => {
      void refresh();
      void message.success(t("incidents.resolved"));
      onResolved(resolved.bulkReply);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) void message.error(error.problem.title);
    },
  });
  return (
    <Modal
      open
      title={t("incidents.resolve")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("incidents.resolve")}
      cancelText={t("common.cancel")}
      confirmLoading={resolve.isPending}
      okButtonProps={{ danger: true, "data-testid": "incident-resolve-confirm" } as never}
    >
      <Form form={form} layout="vertical" onFinish={(v) => resolve.mutate(v)}>
        <Form.Item name="reply" label={t("incidents.resolveReply")}>
          <Input.TextArea rows={4} data-testid="incident-resolve-reply" />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t("incidents.resolveHint")}</Typography.Text>
    </Modal>
  );
}
