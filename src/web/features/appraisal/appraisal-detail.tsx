// One agent's or department's KPIs, each beside the team median with rank and better/worse, and
// the key KPIs month by month.
import { useQuery } from "@tanstack/react-query";
import { Button, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AppraisalSubject } from "../../../domain/kpi/appraisal";
import { api, queryString } from "../../api/client";
import type { AppraisalReport } from "../../api/types";
import { Card } from "../../components/card";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { KpiFigureCell, KpiName, useFigureText, useLang } from "../reports/kpi-text";
import { ReportRangePicker, useReportRange } from "../reports/report-range";

type Row = AppraisalReport["figures"][number];
const verdictColor = { better: "green", worse: "red", same: "default" } as const;

export function AppraisalDetail({
  subject,
  withBack,
}: {
  subject: AppraisalSubject;
  withBack: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = useFigureText();
  const { range, setRange, from, to } = useReportRange();
  const query = queryString({ kind: subject.kind, id: subject.id, from, to });
  const report = useQuery({
    queryKey: ["reports", "appraisal", query],
    queryFn: () => api.get<AppraisalReport>(`/reports/appraisal${query}`),
  });
  const data = report.data;
  const months = data?.trend[0]?.points.map((p) => p.period) ?? [];
  return (
    <Card
      title={data ? `${t("appraisal.title")}：${data.label[lang]}` : t("appraisal.title")}
      extra={
        <Space wrap>
          {withBack && <Link to="/appraisal">{t("appraisal.back")}</Link>}
          <ReportRangePicker
            label={t("appraisal.period")}
            range={range}
            onChange={setRange}
            report={data}
          />
          <Button href={`/api/v1/reports/appraisal${query}&format=csv`}>
            {t("appraisal.exportCsv")}
          </Button>
          <Button href={`/api/v1/reports/appraisal${query}&format=xlsx`}>
            {t("appraisal.exportXlsx")}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t("appraisal.medianNote")}</Typography.Paragraph>
      <QueryState query={report}>
        <ListTable<Row>
          rowKey={(r) => r.kpi.id}
          dataSource={data?.figures ?? []}
          columns={[
            { title: t("appraisal.kpi"), render: (_, r) => <KpiName kpi={r.kpi} /> },
            {
              title: t("appraisal.figure"),
              align: "right",
              render: (_, r) => <KpiFigureCell unit={r.kpi.unit} figure={r} />,
            },
            {
              title: t("appraisal.median"),
              align: "right",
              render: (_, r) => text(r.kpi.unit, r.median),
            },
            {
              title: t("appraisal.rank"),
              align: "right",
              render: (_, r) =>
                r.rank === null ? "—" : t("appraisal.rankOf", { rank: r.rank, peers: r.peers }),
            },
            {
              title: t("appraisal.verdict"),
              render: (_, r) =>
                r.verdict && (
                  <Tag color={verdictColor[r.verdict]} data-testid={`verdict-${r.kpi.id}`}>
                    {t(`appraisal.${r.verdict}`)}
                  </Tag>
                ),
            },
          ]}
        />
        {months.length > 0 && (
          <>
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              {t("appraisal.trend")}
            </Typography.Title>
            <ListTable
              rowKey="period"
              dataSource={months.map((period) => ({ period }))}
              columns={[
                { title: t("appraisal.month"), render: (_, m) => m.period.slice(0, 7) },
                ...(data?.trend ?? []).map((line) => ({
                  key: line.kpi.id,
                  align: "right" as const,
                  title: <KpiName kpi={line.kpi} />,
                  render: (_: unknown, m: { period: string }) => {
                    const p = line.points.find((x) => x.period === m.period);
                    return t("appraisal.withMedian", {
                      value: text(line.kpi.unit, p?.value),
                      median: text(line.kpi.unit, p?.median),
                    });
                  },
                })),
              ]}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}
