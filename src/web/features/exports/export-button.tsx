import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Popover, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client";
import type { CreateExportBody, ExportJob } from "../../api/types";
import { useMessage } from "../../components/feedback";
import { setExportsOpen } from "./exports-store";

type Format = CreateExportBody["format"];

/**
 * 导出: starts a background export of what the page shows (the queue's filters, a report's query)
 * in the format picked, then opens the 导出任务 panel where its progress and download show.
 */
export function ExportButton({ request }: { request: () => Omit<CreateExportBody, "format"> }) {
  const { t } = useTranslation();
  const message = useMessage();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const start = useMutation({
    mutationFn: (format: Format) =>
      api.post<ExportJob>("/exports", { ...request(), format } as CreateExportBody),
    onSuccess: () => {
      setOpen(false);
      void client.invalidateQueries({ queryKey: ["exports"] });
      setExportsOpen(true);
      void message.success(t("exports.started"));
    },
    onError: (error) => {
      if (error instanceof ApiError) void message.error(error.problem.title);
    },
  });
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      content={
        <Space direction="vertical">
          {(["xlsx", "csv"] as const).map((format) => (
            <Button
              key={format}
              block
              loading={start.isPending && start.variables === format}
              onClick={() => start.mutate(format)}
            >
              {t(`exports.${format}`)}
            </Button>
          ))}
        </Space>
      }
    >
      <Button>{t("exports.start")}</Button>
    </Popover>
  );
}
