import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, Button, Select, Space, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { ImportReport, Items, TransferSource } from "../../api/types";
import { Card } from "../../components/card";
import { ImportOutcome } from "../../components/import-outcome";
import { QueryState } from "../../components/query-state";

/**
 * 转办导入: a supervisor uploads a hotline's export of transferred work orders, reads what was
 * taken and why rows were refused, and downloads the reply-back (回复单) for the hotline.
 */
export function TransferImportPage() {
  const { t } = useTranslation();
  const sources = useQuery({
    queryKey: ["transfer-sources"],
    queryFn: () => api.get<Items<TransferSource>>("/transfer-sources"),
  });
  const [sourceId, setSourceId] = useState<string | null>(null);
  const chosen = sourceId ?? sources.data?.items.find((s) => s.active)?.id ?? null;
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file);
      return api.upload<ImportReport>(`/transfer-sources/${chosen}/imports`, form);
    },
  });

  return (
    <QueryState query={sources}>
      <Card title={t("transfers.title")} size="small">
        {sources.data?.items.length === 0 ? (
          <Alert type="info" title={t("transfers.noSources")} />
        ) : (
          <Space wrap>
            <Select
              style={{ minWidth: 220 }}
              aria-label={t("transfers.source")}
              value={chosen}
              onChange={(id) => {
                setSourceId(id);
                upload.reset();
              }}
              options={sources.data?.items.map((s) => ({
                value: s.id,
                label: `${s.name}（${s.hotline}）`,
                disabled: !s.active,
              }))}
            />
            <Upload
              accept=".xlsx,.csv,.json"
              showUploadList={false}
              disabled={!chosen}
              customRequest={({ file }) => upload.mutate(file as File)}
            >
              <Button type="primary" loading={upload.isPending} disabled={!chosen}>
                {t("transfers.upload")}
              </Button>
            </Upload>
            {chosen && (
              <>
                <Button href={`/api/v1/transfer-sources/${chosen}/reply-back?format=xlsx`}>
                  {t("transfers.replyBack")} XLSX
                </Button>
                <Button href={`/api/v1/transfer-sources/${chosen}/reply-back?format=csv`}>
                  CSV
                </Button>
              </>
            )}
          </Space>
        )}
        <ImportOutcome
          error={upload.error}
          report={upload.data}
          numberOf={(r) => r.externalNo}
          numberTitle={t("transfers.externalNo")}
          reasonKey="transfers.reason"
        />
      </Card>
    </QueryState>
  );
}
