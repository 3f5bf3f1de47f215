import { useQuery } from "@tanstack/react-query";
import { Button, Drawer, List, Progress, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { ExportJob } from "../../api/types";
import { QueryState } from "../../components/query-state";
import { formatTime } from "../../i18n/format";
import { setExportsOpen, useExportsOpen } from "./exports-store";

const statusColor = { queued: "default", running: "processing", done: "success", failed: "error" };
const working = (item: ExportJob) => item.status === "queued" || item.status === "running";

function ExportItem({ item }: { item: ExportJob }) {
  const { t } = useTranslation();
  const title =
    item.title && item.kind === "queue"
      ? item.title
      : item.kind === "queue"
        ? t("exports.queue")
        : t(`exports.reports.${item.title as "kpis"}`, { defaultValue: item.title });
  return (
    <List.Item data-testid="export-item" data-status={item.status}>
      <Space direction="vertical" style={{ width: "100%" }} size={2}>
        <Space wrap>
          <Typography.Text strong>{title}</Typography.Text>
          <Tag>{item.format.toUpperCase()}</Tag>
          <Tag color={statusColor[item.status]}>{t(`exports.status.${item.status}`)}</Tag>
        </Space>
        <Progress
          percent={item.percent ?? 0}
          status={
            item.status === "failed" ? "exception" : item.status === "done" ? "success" : "active"
          }
          size="small"
        />
        <Space wrap>
          <Typography.Text type="secondary" data-testid="export-rows">
            {item.rowsTotal === null
              ? t("exports.rowsDone", { done: item.rowsDone })
              : t("exports.rows", { done: item.rowsDone, total: item.rowsTotal })}
          </Typography.Text>
          {item.status === "done" && (
            <Button
              type="link"
              size="small"
              href={`/api/v1/exports/${item.id}/file`}
              download={item.fileName ?? undefined}
            >
              {t("exports.download")}
            </Button>
          )}
          <Typography.Text type="secondary">
            {t("exports.expires", { at: formatTime(item.expiresAt) })}
          </Typography.Text>
        </Space>
      </Space>
    </List.Item>
  );
}

/** 导出任务: the caller's latest exports, polled each second while one is still being written. */
export function ExportsPanel() {
  const { t } = useTranslation();
  const open = useExportsOpen();
  const exports = useQuery({
    queryKey: ["exports"],
    queryFn: () => api.get<{ items: ExportJob[] }>("/exports"),
    enabled: open,
    refetchInterval: (query) => (query.state.data?.items.some(working) ? 1000 : false),
  });
  return (
    <Drawer
      title={t("exports.panel")}
      open={open}
      onClose={() => setExportsOpen(false)}
      width={420}
    >
      <QueryState query={exports}>
        <List
          dataSource={exports.data?.items ?? []}
          locale={{ emptyText: t("exports.empty") }}
          renderItem={(item) => <ExportItem key={item.id} item={item} />}
        />
      </QueryState>
    </Drawer>
  );
}
