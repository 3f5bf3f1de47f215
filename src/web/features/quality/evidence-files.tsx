import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Space, Typography } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { type RootCauseKind, rootCauseKinds } from "../../../domain/quality/evidence";
import { ApiError, api } from "../../api/client";
import type { QualityCase } from "../../api/types";
import { Card } from "../../components/card";
import { PlainList } from "../../components/plain-list";
import { formatTime } from "../../i18n/format";
import { useUser } from "../session/session";
import { qualityCaseQuery } from "./quality-query";

/**
 * D4's evidence, for the root causes of occurrence and of escape: the files, each downloadable
 * by anyone reading the 8D; the team adds them while D4 is open, the uploader removes theirs while
 * it is a draft. The server decides; the buttons only show what it would allow.
 */
export function EvidenceFiles({ c }: { c: QualityCase }) {
  const d4 = c.steps.find((s) => s.discipline === "d4")!;
  const open = c.status === "open";
  const mayAdd = c.allowed.edit && open && (d4.status === "draft" || d4.status === "sent_back");
  const mayRemove = c.allowed.edit && open && d4.status === "draft";
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="d4-evidence">
      {rootCauseKinds.map((kind) => (
        <EvidenceOf key={kind} c={c} kind={kind} mayAdd={mayAdd} mayRemove={mayRemove} />
      ))}
    </Space>
  );
}

function EvidenceOf({
  c,
  kind,
  mayAdd,
  mayRemove,
}: {
  c: QualityCase;
  kind: RootCauseKind;
  mayAdd: boolean;
  mayRemove: boolean;
}) {
  const { t } = useTranslation();
  const user = useUser();
  const client = useQueryClient();
  const picker = useRef<HTMLInputElement>(null);
  const refresh = () => client.invalidateQueries({ queryKey: qualityCaseQuery(c.id).queryKey });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file);
      return api.upload(`/quality-cases/${c.id}/root-causes/${kind}/evidence`, form);
    },
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/quality-cases/${c.id}/evidence/${id}`),
    onSettled: refresh,
  });
  const failure = upload.error ?? remove.error;
  const files = c.evidence.filter((e) => e.rootCause === kind);
  const label = t(`quality.evidence.${kind}`);
  return (
    <Card
      size="small"
      type="inner"
      title={label}
      data-testid={`evidence-${kind}`}
      extra={
        mayAdd && (
          <>
            <input
              ref={picker}
              type="file"
              hidden
              aria-label={label}
              onChange={(e) => {
                const file = e.target.files?.[0];
                // Cleared, so picking the same file again (after a refusal) still uploads it.
                e.target.value = "";
                if (file) upload.mutate(file);
              }}
            />
            <Button size="small" loading={upload.isPending} onClick={() => picker.current?.click()}>
              {t("quality.evidence.upload")}
            </Button>
          </>
        )
      }
    >
      {failure instanceof ApiError && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} title={failure.problem.title} />
      )}
      <PlainList
        items={files}
        empty={t("quality.evidence.none")}
        renderItem={(file) => (
          <li key={file.id}>
            <a href={`/api/v1/attachments/${file.id}`} download={file.fileName}>
              {file.fileName}
            </a>{" "}
            <Typography.Text type="secondary">
              {Math.ceil(file.size / 1024)} KB · {file.uploadedBy?.name} ·{" "}
              {formatTime(file.createdAt)}
            </Typography.Text>
            {mayRemove && file.uploadedById === user.id && (
              <Button
                size="small"
                type="link"
                danger
                disabled={remove.isPending}
                onClick={() => remove.mutate(file.id)}
              >
                {t("quality.evidence.remove")}
              </Button>
            )}
          </li>
        )}
      />
    </Card>
  );
}
