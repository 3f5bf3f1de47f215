import { Button, Checkbox, Popover, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import {
  defaultQueueColumns,
  type QueueColumn,
  queueColumns,
  requiredQueueColumns,
} from "../../../domain/saved-view/queue-columns";

/** The queue's column names as its header shows them. */
export function useColumnLabel() {
  const { t } = useTranslation();
  return (column: QueueColumn) =>
    ({
      number: t("field.number"),
      kind: t("field.kind"),
      status: t("field.status"),
      flags: t("queue.marks"),
      risk: t("riskQueue.column"),
      subject: t("field.subject"),
      customer: t("field.customer"),
      owner: t("field.owner"),
      nextCallback: t("queue.nextCallback"),
      category: t("field.category"),
      severity: t("field.severity"),
      due: t("field.due"),
      createdAt: t("field.createdAt"),
    })[column];
}

/**
 * Which of the queue's columns show: kept with the saved view (保存到此视图), or in this browser for
 * the queue's own tab. The case number stays, as the link to the case.
 */
export function ColumnChooser({
  value,
  onChange,
}: {
  value: QueueColumn[];
  onChange: (columns: QueueColumn[]) => void;
}) {
  const { t } = useTranslation();
  const label = useColumnLabel();
  const content = (
    <Space orientation="vertical" size={4} data-testid="column-chooser">
      <Checkbox.Group
        value={value}
        onChange={(chosen) => onChange(queueColumns.filter((c) => chosen.includes(c)))}
        style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: "4px 16px" }}
        options={queueColumns.map((column) => ({
          value: column,
          label: label(column),
          disabled: requiredQueueColumns.includes(column),
        }))}
      />
      <Space>
        <Button size="small" type="link" onClick={() => onChange([...defaultQueueColumns])}>
          {t("queue.defaultColumns")}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("queue.columnsHint")}
        </Typography.Text>
      </Space>
    </Space>
  );
  return (
    <Popover content={content} title={t("queue.columns")} trigger="click" placement="bottomRight">
      <Button>{t("queue.columns")}</Button>
    </Popover>
  );
}
