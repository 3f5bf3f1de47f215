import { useQuery } from "@tanstack/react-query";
import { Button, Space, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { periodName } from "../../../domain/kpi/report-period";
import { api, queryString } from "../../api/client";
import type { RegulatorReport } from "../../api/types";
import { Card } from "../../components/card";
import { ListTable } from "../../components/list-table";
import { PeriodPicker, usePeriodChoice } from "../../components/period-picker";
import { QueryState } from "../../components/query-state";
import { ExportButton } from "../exports/export-button";

type Row = RegulatorReport["rows"][number];
const counts = ["accepted", "closed", "closedOnTime", "substantiated"] as const;

/**
 * 监管分类统计 (JR/T 0169): the quarter's (or month's, year's) cases by channel × business type ×
 * primary cause, with the counts a regulator's filing asks for and the total they add up to.
 */
export function RegulatorTable() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const choice = usePeriodChoice("quarter");
  const period = periodName(choice.kind, choice.day);
  const query = queryString({ period });
  const report = useQuery({
    queryKey: ["reports", "regulator", period],
    queryFn: () => api.get<RegulatorReport>(`/reports/regulator${query}`),
  });
  const rows = report.data?.rows ?? [];
  const total = report.data?.total;
  return (
    <Card
      title={t("reports.regulator.title")}
      extra={
        <Space wrap>
          <PeriodPicker
            choice={choice}
            kinds={["quarter", "month", "year"]}
            kindLabel={t("reports.regulator.periodKind")}
            dateLabel={t("reports.regulator.period")}
          />
          <Button href={`/api/v1/reports/regulator${query}&format=csv`}>
            {t("reports.exportCsv")}
          </Button>
          <Button href={`/api/v1/reports/regulator${query}&format=xlsx`}>
            {t("reports.exportXlsx")}
          </Button>
          <ExportButton
            request={() => ({ kind: "report", report: "regulator", query: { period } })}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t("reports.regulator.help", { from: report.data?.from ?? "", to: report.data?.to ?? "" })}
      </Typography.Paragraph>
      <QueryState query={report}>
        <ListTable<Row>
          rowKey={(r) => `${r.channel.key}|${r.businessType.key}|${r.cause.key}`}
          scroll={{ x: "max-content" }}
          dataSource={rows}
          columns={[
            ...(["channel", "businessType", "cause"] as const).map((dimension) => ({
              key: dimension,
              title: t(`reports.groupings.${dimension}`),
              render: (_: unknown, r: Row) => r[dimension].label[lang],
            })),
            ...counts.map((count) => ({
              key: count,
              title: t(`reports.regulator.${count}`),
              align: "right" as const,
              render: (_: unknown, r: Row) => r[count],
            })),
          ]}
          summary={() =>
            total && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  <strong>{t("reports.total")}</strong>
                </Table.Summary.Cell>
                {counts.map((count, i) => (
                  <Table.Summary.Cell key={count} index={3 + i} align="right">
                    <strong>{total[count]}</strong>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )
          }
        />
      </QueryState>
    </Card>
  );
}
