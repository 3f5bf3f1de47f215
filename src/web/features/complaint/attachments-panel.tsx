import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client";
import type { Complaint } from "../../api/types";
import { Card } from "../../components/card";
import { PlainList } from "../../components/plain-list";
import { formatTime } from "../../i18n/format";

export function AttachmentsPanel({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // A plain file input: antd's Upload (with its progress and list) weighs more than the rest of
  // the panel, and the upload is the API call below either way.
  const picker = useRef<HTMLInputElement>(null);
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
        <>
          <input
            ref={picker}
            type="file"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared, so picking the same file again (after a refusal) still uploads it.
              e.target.value = "";
              if (file) upload.mutate(file);
            }}
          />
          <Button size="small" loading={upload.isPending} onClick={() => picker.current?.click()}>
            {t("complaint.upload")}
          </Button>
        </>
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
      <PlainList
        items={complaint.attachments}
        empty={t("complaint.noAttachments")}
        renderItem={(a) => (
          <li key={a.id}>
            <a href={`/api/v1/attachments/${a.id}`} download={a.fileName}>
              {a.fileName}
            </a>
            <span>
              {Math.ceil(a.size / 1024)} KB · {formatTime(a.createdAt)}
            </span>
          </li>
        )}
      />
    </Card>
  );
}
