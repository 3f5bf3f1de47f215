import { Tag, Typography } from "antd";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { WorkOrder } from "../../api/types";
import { Card } from "../../components/card";
import { formatTime } from "../../i18n/format";
import { OrderDepartment } from "../inbox/order-department";
import { useWorkOrderActions } from "../inbox/work-order-actions";

/**
 * The case's work orders: a handful of rows, so a plain table. antd's Table (sorting, filters,
 * selection, pagination and the Select it pages with) would be a fifth of the case page's script.
 */
export const WorkOrdersPanel = memo(function WorkOrdersPanel({
  workOrders,
}: {
  workOrders: WorkOrder[];
}) {
  const { t } = useTranslation();
  const actions = useWorkOrderActions();
  const result = (w: WorkOrder) =>
    w.returnReason ??
    (w.result
      ? `${w.result}（${w.substantiated ? t("field.substantiated") : ""} ${w.responsibility ? t(`responsibility.${w.responsibility}`) : ""}）`
      : "—");
  return (
    <Card size="small" title={t("complaint.workOrders")} data-testid="work-orders">
      {workOrders.length === 0 ? (
        <Typography.Text type="secondary">{t("common.empty")}</Typography.Text>
      ) : (
        <table className="plain-table">
          <thead>
            <tr>
              <th style={{ width: 110 }}>#</th>
              <th>{t("field.department")}</th>
              <th>{t("field.status")}</th>
              <th>{t("field.result")}</th>
              <th>{t("inbox.dispatchedAt")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {workOrders.map((w, index) => (
              <tr key={w.id} data-testid="work-order">
                {/* The order's place on this case; a 重办 round is named, the first round is not. */}
                <td>
                  {index + 1}{" "}
                  {w.round > 0 && (
                    <Tag color="orange">{t("complaint.round", { round: w.round })}</Tag>
                  )}
                </td>
                <td className="nowrap">
                  <OrderDepartment order={w} />
                </td>
                <td className="nowrap">{t(`workOrderStatus.${w.status}`)}</td>
                <td>{result(w)}</td>
                <td className="nowrap">{formatTime(w.dispatchedAt)}</td>
                <td>{actions.buttons(w)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {actions.dialog}
    </Card>
  );
});
