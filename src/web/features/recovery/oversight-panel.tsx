import { Button, Form, Input, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isOpen } from "../../../domain/complaint/complaint-lifecycle";
import { mayEditComplaint } from "../../../domain/complaint/complaint-policy";
import { isActiveWorkOrder } from "../../../domain/complaint/work-order-lifecycle";
import { mayOversee } from "../../../domain/sla/oversight-policy";
import { api } from "../../api/client";
import type { Complaint } from "../../api/types";
import { Card } from "../../components/card";
import { useUser } from "../session/session";
import { CaseFormDialog } from "./case-form-dialog";

type Tool = "remind" | "supervise" | "pause" | "resume" | "extension";
type Values = { note?: string; reason?: string; dueAt?: string; workOrderId?: string };

const paths: Record<Tool, string> = {
  remind: "remind",
  supervise: "supervise",
  pause: "pause",
  resume: "resume",
  extension: "extension-requests",
};

/** A `datetime-local` value (the browser's time) as the API's instant. */
const instant = (local: string | undefined) => (local ? new Date(local).toISOString() : undefined);

/** What each tool sends: 催办/督办 a note (督办 with its due time) about the case or one order. */
function bodyOf(tool: Tool, v: Values) {
  if (tool === "remind" || tool === "supervise")
    return {
      note: v.note,
      ...(v.dueAt && { dueAt: instant(v.dueAt) }),
      ...(v.workOrderId && { workOrderId: v.workOrderId }),
    };
  if (tool === "extension") return { newDueAt: instant(v.dueAt), reason: v.reason };
  if (tool === "pause") return { reason: v.reason };
  return {};
}

function ToolDialog({
  tool,
  complaint,
  onClose,
}: {
  tool: Tool;
  complaint: Complaint;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t("common.required") }];
  const orders = complaint.workOrders.filter((w) => isActiveWorkOrder(w.status));
  return (
    <CaseFormDialog<Values>
      name="oversight"
      title={t(`oversight.${tool}`)}
      complaintId={complaint.id}
      send={(values) =>
        api.post(`/complaints/${complaint.id}/${paths[tool]}`, bodyOf(tool, values))
      }
      onClose={onClose}
    >
      {(tool === "remind" || tool === "supervise") && (
        <>
          <Form.Item name="note" label={t("oversight.note")} rules={required}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          {orders.length > 0 && (
            <Form.Item name="workOrderId" label={t("oversight.workOrder")}>
              <Select
                allowClear
                placeholder={t("oversight.wholeCase")}
                options={orders.map((w) => ({ value: w.id, label: w.departmentName }))}
              />
            </Form.Item>
          )}
        </>
      )}
      {(tool === "supervise" || tool === "extension") && (
        <Form.Item
          name="dueAt"
          label={t(tool === "supervise" ? "oversight.dueAt" : "oversight.newDueAt")}
          rules={required}
        >
          <Input type="datetime-local" />
        </Form.Item>
      )}
      {(tool === "pause" || tool === "extension") && (
        <Form.Item name="reason" label={t("oversight.reason")} rules={required}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      {tool === "resume" && t("oversight.resumeHint")}
    </CaseFormDialog>
  );
}

/**
 * Supervisors' tools on the case (催办, 督办, about the case or one department's order) and the
 * deadline tools of whoever drives it (pause and resume with a reason, ask for an extension,
 * which a supervisor decides in the 审批 inbox). Only the tools the caller may use are shown.
 */
export function OversightPanel({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const user = useUser();
  const [tool, setTool] = useState<Tool | null>(null);
  const open = isOpen(complaint.status);
  const overseer = mayOversee(user).ok;
  const driver = mayEditComplaint(user, complaint).ok;
  const running = complaint.clocks.filter((k) => !k.stopped);
  const tools: Tool[] = [
    ...(overseer ? (["remind", "supervise"] as const) : []),
    ...(driver && running.some((k) => !k.paused) ? (["pause"] as const) : []),
    ...(driver && running.some((k) => k.paused) ? (["resume"] as const) : []),
    ...(driver ? (["extension"] as const) : []),
  ];
  if (!open || tools.length === 0) return null;
  return (
    <Card size="small" title={t("oversight.title")} data-testid="oversight">
      <Space wrap>
        {tools.map((name) => (
          <Button key={name} onClick={() => setTool(name)}>
            {t(`oversight.${name}`)}
          </Button>
        ))}
      </Space>
      {tool && <ToolDialog tool={tool} complaint={complaint} onClose={() => setTool(null)} />}
    </Card>
  );
}
