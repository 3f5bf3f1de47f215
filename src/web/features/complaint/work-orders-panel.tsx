import { Button, Card, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { WorkOrder, WorkOrderCommandName } from "../../api/types";
import { formatTime } from "../../i18n/i18n";
import { WorkOrderActionModal } from "../inbox/work-order-action-modal";

export function WorkOrdersPanel({ workOrders }: { workOrders: WorkOrder[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ id: string; command: WorkOrderCommandName } | null>(null);
  return (
    <Card size="small" title={t("complaint.workOrders")} data-testid="work-orders">
      <Table<WorkOrder>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={workOrders}
        locale={{ emptyText: t("common.empty") }}
        columns={[
          {
            // The order's place on this case; a 重办 round is named, the first round is not.
            title: "#",
            width: 110,
            render: (_, w, index) => (
              <>
                {index + 1}{" "}
                {w.round > 0 && (
                  <Tag color="orange">{t("complaint.round", { round: w.round })}</Tag>
                )}
              </>
            ),
          },
          {
            title: t("field.department"),
            render: (_, w) => (
              <>
                {w.departmentName} {w.lead && <Tag color="blue">{t("field.lead")}</Tag>}
              </>
            ),
          },
          {
            title: t("field.status"),
            dataIndex: "status",
            render: (s: string) => t(`workOrderStatus.${s}`),
          },
          {
            title: t("field.result"),
            render: (_, w) =>
              w.returnReason ??
              (w.result
                ? `${w.result}（${w.substantiated ? t("field.substantiated") : ""} ${w.responsibility ? t(`responsibility.${w.responsibility}`) : ""}）`
                : "—"),
          },
          { title: t("inbox.dispatchedAt"), dataIndex: "dispatchedAt", render: formatTime },
          {
            title: "",
            render: (_, w) => (
              <Space size={4}>
                {w.allowedActions.map((command) => (
                  <Button key={command} size="small" onClick={() => setOpen({ id: w.id, command })}>
                    {t(`action.${command}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {open && (
        <WorkOrderActionModal
          workOrderId={open.id}
          command={open.command}
          onClose={() => setOpen(null)}
        />
      )}
    </Card>
  );
}
