import { useQuery } from "@tanstack/react-query";
import { Button, Select, Space, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import {
  canReadRegulatorReport,
  type ReportGrouping,
  reportGroupings,
} from "../../../domain/kpi/report-scope";
import { api, queryString } from "../../api/client";
import { Card } from "../../components/card";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { codeOptions } from "../../i18n/code-options";
import { ExportButton } from "../exports/export-button";
import { useUser } from "../session/session";
import { type KpiGroup, type KpisReport, kpiColumns } from "./kpi-text";
import { RegulatorTable } from "./regulator-table";
import { ReportRangePicker, useReportRange } from "./report-range";

/**
 * 统计报表: the KPI table, and for those who file with the regulator its classified table, each a
 * tab the address keeps (?tab=regulator) so a link opens it.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  if (!canReadRegulatorReport(user.role)) return <KpiReport />;
  return (
    <Tabs
      activeKey={params.get("tab") === "regulator" ? "regulator" : "kpis"}
      onChange={(tab) => setParams(tab === "kpis" ? {} : { tab }, { replace: true })}
      items={[
        { key: "kpis", label: t("reports.tabs.kpis"), children: <KpiReport /> },
        { key: "regulator", label: t("reports.tabs.regulator"), children: <RegulatorTable /> },
      ]}
    />
  );
}

/** Every KPI per group for the days chosen, each header's tooltip its formula. */
function KpiReport() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const lang = i18n.language === "en" ? "en" : "zh";
  const { range, setRange, from, to } = useReportRange();
  const [groupBy, setGroupBy] = useState<ReportGrouping>("department");
  const query = queryString({ from, to, groupBy });
  const report = useQuery({
    queryKey: ["reports", "kpis", query],
    queryFn: () => api.get<KpisReport>(`/reports/kpis${query}`),
  });
  const data = report.data;
  const rows = data
    ? [
        ...data.rows,
        {
          ...data.total,
          key: "__total",
          label: { zh: t("reports.total"), en: t("reports.total") },
        },
      ]
    : [];
  return (
    <Card
      title={t("reports.title")}
      extra={
        <Space wrap>
          <ReportRangePicker
            label={t("reports.period")}
            range={range}
            onChange={setRange}
            report={data}
          />
          <Select
            aria-label={t("reports.groupBy")}
            style={{ width: 140 }}
            value={groupBy}
            onChange={setGroupBy}
            options={codeOptions(t, "reports.groupings", reportGroupings)}
          />
          <Button href={`/api/v1/reports/kpis${query}&format=csv`}>{t("reports.exportCsv")}</Button>
          <Button href={`/api/v1/reports/kpis${query}&format=xlsx`}>
            {t("reports.exportXlsx")}
          </Button>
          <ExportButton
            request={() => ({
              kind: "report",
              report: "kpis",
              query: { from, to, groupBy },
            })}
          />
        </Space>
      }
    >
      {user.role === "agent" && (
        <Typography.Paragraph type="secondary">{t("reports.ownRows")}</Typography.Paragraph>
      )}
      <QueryState query={report}>
        <ListTable<KpiGroup>
          rowKey={(g) => g.key ?? "__none"}
          scroll={{ x: "max-content" }}
          dataSource={rows}
          columns={[
            {
              title: t("reports.group"),
              fixed: "left",
              render: (_, g) =>
                g.key === "__total" ? <strong>{g.label[lang]}</strong> : g.label[lang],
            },
            ...kpiColumns<KpiGroup>(data?.kpis ?? []),
          ]}
        />
      </QueryState>
    </Card>
  );
}
