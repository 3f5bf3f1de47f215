import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Form, Input, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import { responsibilities } from "../../../domain/complaint/work-order-lifecycle";
import { api } from "../../api/client";
import type { Complaint, WorkOrderCommandName } from "../../api/types";
import { ActionDialog, useActionForm } from "../../components/action-dialog";
import { codeOptions } from "../../i18n/code-options";

interface Props {
  command: WorkOrderCommandName;
  workOrderId: string;
  onClose: () => void;
}

/** 接单 / 退单 (with a reason) / 提交结果 (substantiated, responsibility, what was done). */
export function WorkOrderActionModal({ command, workOrderId, onClose }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { form, refusal, done } = useActionForm(command, onClose);
  const run = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<Complaint>(`/work-orders/${workOrderId}/${command}`, body),
    onSuccess: (complaint) => {
      void client.invalidateQueries({ queryKey: ["work-orders"] });
      done(complaint);
    },
    onError: (error) => {
      refusal.show(error);
    },
  });
  return (
    <ActionDialog
      action={command}
      form={form}
      pending={run.isPending}
      onClose={onClose}
      // Accepting asks nothing, so it skips the (field-less) form.
      onOk={command === "accept" ? () => run.mutate({}) : undefined}
    >
      {refusal.alert}
      <Form form={form} layout="vertical" onFinish={(values) => run.mutate(values)}>
        {command === "return" && (
          <Form.Item name="reason" label={t("field.reason")} rules={[{ required: true }]}>
            <Input.TextArea rows={2} autoFocus />
          </Form.Item>
        )}
        {command === "result" && (
          <>
            <Form.Item
              name="substantiated"
              label={t("field.substantiated")}
              rules={[{ required: true }]}
            >
              <Radio.Group
                options={[
                  { value: true, label: t("common.yes") },
                  { value: false, label: t("common.no") },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="responsibility"
              label={t("field.responsibility")}
              rules={[{ required: true }]}
            >
              <Select options={codeOptions(t, "responsibility", responsibilities)} />
            </Form.Item>
            <Form.Item name="result" label={t("field.result")} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
      </Form>
    </ActionDialog>
  );
}
