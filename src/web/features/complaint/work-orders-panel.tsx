import { Card, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { WorkOrder } from "../../api/types";
import { ListTable } from "../../components/list-table";
import { formatTime } from "../../i18n/i18n";
import { OrderDepartment } from "../inbox/order-department";
import { useWorkOrderActions } from "../inbox/work-order-actions";

export function WorkOrdersPanel({ workOrders }: { workOrders: WorkOrder[] }) {
  const { t } = useTranslation();
  const actions = useWorkOrderActions();
  return (
    <Card size="small" title={t("complaint.workOrders")} data-testid="work-orders">
      <ListTable<WorkOrder>
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
          { title: t("field.department"), render: (_, w) => <OrderDepartment order={w} /> },
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
          { title: "", render: (_, w) => actions.buttons(w) },
        ]}
      />
      {actions.dialog}
    </Card>
  );
}
