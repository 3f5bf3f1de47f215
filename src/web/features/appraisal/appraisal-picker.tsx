// For supervisors, quality and admins: every agent or lead department with their key figures for
// the period; a name opens that one's appraisal.
import { useQuery } from "@tanstack/react-query";
import { DatePicker, Segmented, Space, Table } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type AppraisalKind, appraisalTrendKpis } from "../../../domain/kpi/appraisal";
import { api, queryString } from "../../api/client";
import { Card } from "../../components/card";
import { QueryState } from "../../components/query-state";
import { type KpiFigure, type KpiInfo, kpiColumns, useLang } from "../reports/kpi-text";

interface Group {
  key: string | null;
  label: { zh: string; en: string };
  figures: Record<string, KpiFigure>;
}
interface KpisReport {
  from: string;
  to: string;
  kpis: KpiInfo[];
  rows: Group[];
}

const DAY = "YYYY-MM-DD";
const shown: readonly string[] = [...appraisalTrendKpis, "medianResolutionHours", "backlog"];

export function AppraisalPicker() {
  const { t } = useTranslation();
  const lang = useLang();
  const [kind, setKind] = useState<AppraisalKind>("agent");
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const query = queryString({
    groupBy: kind,
    from: range?.[0].format(DAY),
    to: range?.[1].format(DAY),
  });
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
          <DatePicker.RangePicker
            aria-label={t("appraisal.period")}
            value={range ?? (data ? [dayjs(data.from), dayjs(data.to)] : null)}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
        </Space>
      }
    >
      <QueryState query={report}>
        <Table<Group>
          size="small"
          rowKey={(g) => g.key ?? ""}
          pagination={false}
          dataSource={(data?.rows ?? []).filter((g) => g.key !== null)}
          columns={[
            {
              title: t("appraisal.name"),
              render: (_, g) => <Link to={`/appraisal/${kind}/${g.key}`}>{g.label[lang]}</Link>,
            },
            ...kpiColumns<Group>(kpis),
          ]}
        />
      </QueryState>
    </Card>
  );
}
