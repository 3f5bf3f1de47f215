import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DatePicker, List, Space, Switch, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { canReadMonthlyAnalysis } from "../../../domain/improvement/improvement-actions";
import { api } from "../../api/client";
import { Card } from "../../components/card";
import { ListTable } from "../../components/list-table";
import { QueryState } from "../../components/query-state";
import { useUser } from "../session/session";
import { ActionList } from "./action-list";

type Label = { zh: string; en: string };
interface Analysis {
  month: string;
  previousMonth: string;
  kpis: { id: string; name: Label; unit: string; value: number | null; previous: number | null }[];
  causes: {
    key: string;
    label: Label;
    count: number;
    share: number;
    previous: number;
    change: number;
  }[];
  repeatCustomers: { customers: number };
  departments: { key: string; label: Label; accepted: number; returned: number; late: number }[];
  qualityCases: { id: string; number: string; title: string }[];
  actions: { tally: { open: number; done: number; verified: number; overdue: number } };
}

const MONTH = "YYYY-MM";

/** 月度投诉分析 of a chosen month, and the 整改措施 it leads to. */
export function ImprovementPage() {
  const { t } = useTranslation();
  const user = useUser();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const readsAnalysis = canReadMonthlyAnalysis(user.role);
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={3}>{t("improvement.title")}</Typography.Title>
      {readsAnalysis && (
        <>
          <Space wrap>
            <DatePicker
              picker="month"
              value={month}
              allowClear={false}
              onChange={(m) => m && setMonth(m)}
              data-testid="analysis-month"
            />
            <a href={`/api/v1/reports/monthly-analysis?month=${month.format(MONTH)}&format=pdf`}>
              {t("improvement.pdf")}
            </a>
            <a href={`/api/v1/reports/monthly-analysis?month=${month.format(MONTH)}&format=xlsx`}>
              {t("improvement.xlsx")}
            </a>
            <Subscription />
          </Space>
          <MonthlyAnalysis month={month.format(MONTH)} />
        </>
      )}
      <Card title={t("improvement.actions")}>
        <ActionList />
      </Card>
    </Space>
  );
}

function Subscription() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const current = useQuery({
    queryKey: ["me", "subscriptions"],
    queryFn: () => api.get<{ monthlyAnalysis: boolean }>("/me/subscriptions"),
  });
  const change = useMutation({
    mutationFn: (on: boolean) => api.put("/me/subscriptions", { monthlyAnalysis: on }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["me", "subscriptions"] }),
  });
  return (
    <Space>
      <Switch
        checked={current.data?.monthlyAnalysis ?? false}
        loading={current.isLoading || change.isPending}
        onChange={(on) => change.mutate(on)}
      />
      {t("improvement.subscribe")}
    </Space>
  );
}

function MonthlyAnalysis({ month }: { month: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const analysis = useQuery({
    queryKey: ["reports", "monthly-analysis", month],
    queryFn: () => api.get<Analysis>(`/reports/monthly-analysis?month=${month}`),
  });
  const a = analysis.data;
  const figure = (v: number | null, unit: string) =>
    v === null ? "—" : `${v.toLocaleString(i18n.language)}${unit === "percent" ? "%" : ""}`;
  return (
    <QueryState query={analysis}>
      {a && (
        <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="analysis">
          <Card title={t("improvement.kpis")} size="small">
            <ListTable
              dataSource={a.kpis}
              columns={[
                { title: t("improvement.kpi"), render: (_, k) => k.name[lang] },
                { title: a.month, render: (_, k) => figure(k.value, k.unit) },
                { title: a.previousMonth, render: (_, k) => figure(k.previous, k.unit) },
              ]}
            />
          </Card>
          <Card title={t("improvement.causes")} size="small">
            <ListTable
              rowKey="key"
              dataSource={a.causes}
              data-testid="analysis-causes"
              columns={[
                { title: t("improvement.cause"), render: (_, c) => c.label[lang] },
                { title: t("improvement.count"), dataIndex: "count" },
                { title: t("improvement.previous"), dataIndex: "previous" },
                {
                  title: t("improvement.change"),
                  render: (_, c) => (c.change > 0 ? `+${c.change}` : c.change),
                },
              ]}
            />
            <Typography.Paragraph style={{ marginTop: 8 }}>
              {t("improvement.repeatCustomers", { count: a.repeatCustomers.customers })}
            </Typography.Paragraph>
          </Card>
          <Card title={t("improvement.departments")} size="small">
            <ListTable
              rowKey="key"
              dataSource={a.departments}
              columns={[
                { title: t("improvement.department"), render: (_, d) => d.label[lang] },
                { title: t("improvement.accepted"), dataIndex: "accepted" },
                { title: t("improvement.returned"), dataIndex: "returned" },
                { title: t("improvement.late"), dataIndex: "late" },
              ]}
            />
          </Card>
          <Card title={t("improvement.qualityCases")} size="small">
            <List
              size="small"
              dataSource={a.qualityCases}
              renderItem={(q) => (
                <List.Item>
                  <a href={`/quality/${q.id}`}>{q.number}</a> {q.title}
                </List.Item>
              )}
            />
            <Typography.Text type="secondary" data-testid="action-tally">
              {t("improvement.tally", a.actions.tally)}
            </Typography.Text>
          </Card>
        </Space>
      )}
    </QueryState>
  );
}
