import { Button, Space } from "antd";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WorkOrderCommandName } from "../../api/types";
import { lazyExport } from "../../components/lazy-export";

// A form with pickers that pages listing work orders need only once a button is pressed.
const loadModal = () => import("./work-order-action-modal");
const WorkOrderActionModal = lazyExport(loadModal, "WorkOrderActionModal");

/** A row of a work-order table: the inbox's items and the case page's orders both qualify. */
interface ActionableOrder {
  id: string;
  allowedActions: WorkOrderCommandName[];
}

/**
 * What a work order allows this user now: buttons for a table's row, and the one dialog they open.
 * The dialog belongs to the table, not the row, so a row that a reload drops does not close it.
 * `emphasize` marks the actions the inbox exists for; 退单 stays plain there.
 */
export function useWorkOrderActions({ emphasize = false } = {}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ id: string; command: WorkOrderCommandName } | null>(null);
  return {
    buttons: (order: ActionableOrder) => (
      <Space size={4}>
        {order.allowedActions.map((command) => (
          <Button
            key={command}
            size="small"
            type={emphasize && command !== "return" ? "primary" : "default"}
            onMouseEnter={() => void loadModal()}
            onFocus={() => void loadModal()}
            onClick={() => setOpen({ id: order.id, command })}
          >
            {t(`action.${command}`)}
          </Button>
        ))}
      </Space>
    ),
    dialog: open && (
      <Suspense fallback={null}>
        <WorkOrderActionModal
          workOrderId={open.id}
          command={open.command}
          onClose={() => setOpen(null)}
        />
      </Suspense>
    ),
  };
}
