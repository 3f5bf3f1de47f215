import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, List, Upload } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client";
import type { Complaint } from "../../api/types";
import { formatTime } from "../../i18n/i18n";

export function AttachmentsPanel({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file);
      return api.upload(`/complaints/${complaint.id}/attachments`, form);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ["complaint", complaint.id] }),
  });
  return (
    <Card
      size="small"
      title={t("complaint.attachments")}
      data-testid="attachments"
      extra={
        <Upload
          showUploadList={false}
          customRequest={({ file, onSuccess, onError }) =>
            upload.mutate(file as File, {
              onSuccess: () => onSuccess?.({}),
              onError: (e) =>
                onError?.(e instanceof ApiError ? new Error(e.problem.title) : (e as Error)),
            })
          }
        >
          <Button size="small" loading={upload.isPending}>
            {t("complaint.upload")}
          </Button>
        </Upload>
      }
    >
      {upload.error instanceof ApiError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={upload.error.problem.title}
        />
      )}
      <List
        size="small"
        dataSource={complaint.attachments}
        locale={{ emptyText: t("complaint.noAttachments") }}
        renderItem={(a) => (
          <List.Item>
            <a href={`/api/v1/attachments/${a.id}`} download={a.fileName}>
              {a.fileName}
            </a>
            <span>
              {Math.ceil(a.size / 1024)} KB · {formatTime(a.createdAt)}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
