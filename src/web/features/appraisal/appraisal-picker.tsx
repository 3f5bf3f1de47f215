// For supervisors, quality and admins: every agent or lead department with their key figures for
// the period; a name opens that one's appraisal.
import { useQuery } from "@tanstack/react-query";
import { Segmented, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type AppraisalKind, appraisalTrendKpis } from "../../../domain/kpi/appraisal";
import { api, queryString } from "../../api/client";
import { Card } from "../../components/card";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { type KpiGroup, type KpisReport, kpiColumns, useLang } from "../reports/kpi-text";
import { ReportRangePicker, useReportRange } from "../reports/report-range";

const shown: readonly string[] = [...appraisalTrendKpis, "medianResolutionHours", "backlog"];

export function AppraisalPicker() {
  const { t } = useTranslation();
  const lang = useLang();
  const [kind, setKind] = useState<AppraisalKind>("agent");
  const { range, setRange, from, to } = useReportRange();
  const query = queryString({ groupBy: kind, from, to });
  const report = useQuery({
    queryKey: ["reports", "kpis", query],
    queryFn: () => api.get<KpisReport>(`/reports/kpis${query}`),
  });
  const data = report.data;
  const kpis = (data?.kpis ?? []).filter((k) => shown.includes(k.id));
  return (
    <Card
      title={t("appraisal.pickTitle")}
      extra={
        <Space wrap>
          <Segmented<AppraisalKind>
            value={kind}
            onChange={setKind}
            options={[
              { value: "agent", label: t("appraisal.agents") },
              { value: "department", label: t("appraisal.departments") },
            ]}
          />
          <ReportRangePicker
            label={t("appraisal.period")}
            range={range}
            onChange={setRange}
            report={data}
          />
        </Space>
      }
    >
      <QueryState query={report}>
        <ListTable<KpiGroup>
          rowKey={(g) => g.key ?? ""}
          dataSource={(data?.rows ?? []).filter((g) => g.key !== null)}
          columns={[
            {
              title: t("appraisal.name"),
              render: (_, g) => <Link to={`/appraisal/${kind}/${g.key}`}>{g.label[lang]}</Link>,
            },
            ...kpiColumns<KpiGroup>(kpis),
          ]}
        />
      </QueryState>
    </Card>
  );
}
