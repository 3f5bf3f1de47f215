import { useMutation } from "@tanstack/react-query";
import { Button, Input, Space, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { historyColumns } from "../../../domain/backfill/history-row";
import { api } from "../../api/client";
import type { HistoryImportReport } from "../../api/types";
import { ImportOutcome } from "../../components/import-outcome";

/** The template's header row and one example: what each column holds is read from it. */
const template = `\uFEFF${[
  Object.values(historyColumns).join(","),
  "OLD-0001,2026-03-02 09:00,赵敏,13800138000,电话,电费多扣,三月电费多扣了两百元,计费,2001,2026-03-03 09:00,已核实退还多扣电费,2026-03-05 10:00,满意,2002,2026-03-06 09:00,退费到账,company,是",
].join("\r\n")}\r\n`;

/**
 * 历史数据导入: an admin brings an earlier system's cases in with each step's own time, so the
 * statistics of the months before kesu are complete; each case is audited.
 */
export function HistoryImportTab() {
  const { t } = useTranslation();
  const [system, setSystem] = useState("");
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file);
      return api.upload<HistoryImportReport>(
        `/imports/history?system=${encodeURIComponent(system.trim())}`,
        form,
      );
    },
  });
  return (
    <>
      <Typography.Paragraph type="secondary">{t("historyImport.explain")}</Typography.Paragraph>
      <Space wrap>
        <Input
          style={{ minWidth: 220 }}
          aria-label={t("historyImport.system")}
          placeholder={t("historyImport.system")}
          value={system}
          onChange={(e) => setSystem(e.target.value)}
        />
        <Upload
          accept=".xlsx,.csv,.json"
          showUploadList={false}
          disabled={!system.trim()}
          customRequest={({ file }) => upload.mutate(file as File)}
        >
          <Button type="primary" loading={upload.isPending} disabled={!system.trim()}>
            {t("historyImport.upload")}
          </Button>
        </Upload>
        <Button
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(template)}`}
          download="kesu-history-template.csv"
        >
          {t("historyImport.template")}
        </Button>
      </Space>
      <ImportOutcome
        error={upload.error}
        report={upload.data}
        numberOf={(r) => r.legacyNo}
        numberTitle={t("historyImport.legacyNo")}
        reasonKey="historyImport.reason"
      />
    </>
  );
}
