import { useQuery } from "@tanstack/react-query";
import { Button, DatePicker, Select, Space, Table, Tabs, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
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
import { QueryState } from "../../components/query-state";
import { ExportButton } from "../exports/export-button";
import { useUser } from "../session/session";
import { type KpiFigure, type KpiInfo, kpiColumns } from "./kpi-text";
import { RegulatorTable } from "./regulator-table";

type Label = { zh: string; en: string };
interface Group {
  key: string | null;
  label: Label;
  figures: Record<string, KpiFigure>;
}
interface KpisReport {
  from: string;
  to: string;
  kpis: KpiInfo[];
  rows: Group[];
  total: Group;
}

const DAY = "YYYY-MM-DD";

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
  // Until a range is picked the server chooses: the month so far in the center's time zone,
  // which need not be the browser's.
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [groupBy, setGroupBy] = useState<ReportGrouping>("department");
  const query = queryString({
    from: range?.[0].format(DAY),
    to: range?.[1].format(DAY),
    groupBy,
  });
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
          <DatePicker.RangePicker
            aria-label={t("reports.period")}
            value={range ?? (data ? [dayjs(data.from), dayjs(data.to)] : null)}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
          <Select
            aria-label={t("reports.groupBy")}
            style={{ width: 140 }}
            value={groupBy}
            onChange={setGroupBy}
            options={reportGroupings.map((g) => ({ value: g, label: t(`reports.groupings.${g}`) }))}
          />
          <Button href={`/api/v1/reports/kpis${query}&format=csv`}>{t("reports.exportCsv")}</Button>
          <Button href={`/api/v1/reports/kpis${query}&format=xlsx`}>
            {t("reports.exportXlsx")}
          </Button>
          <ExportButton
            request={() => ({
              kind: "report",
              report: "kpis",
              query: { from: range?.[0].format(DAY), to: range?.[1].format(DAY), groupBy },
            })}
          />
        </Space>
      }
    >
      {user.role === "agent" && (
        <Typography.Paragraph type="secondary">{t("reports.ownRows")}</Typography.Paragraph>
      )}
      <QueryState query={report}>
        <Table<Group>
          size="small"
          rowKey={(g) => g.key ?? "__none"}
          pagination={false}
          scroll={{ x: "max-content" }}
          dataSource={rows}
          columns={[
            {
              title: t("reports.group"),
              fixed: "left",
              render: (_, g) =>
                g.key === "__total" ? <strong>{g.label[lang]}</strong> : g.label[lang],
            },
            ...kpiColumns<Group>(data?.kpis ?? []),
          ]}
        />
      </QueryState>
    </Card>
  );
}
