import type { UseQueryResult } from "@tanstack/react-query";
import { Alert, Col, Row, Space, Statistic, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { customersAtRisk } from "../../../domain/kpi/customers-at-risk";
import type { ViewFilters } from "../../api/types";
import { Card } from "../../components/card";
import { FilterSelect } from "../../components/filter-select";
import { PeriodPicker, usePeriodChoice } from "../../components/period-picker";
import { QueryState } from "../../components/query-state";
import { ExportButton } from "../exports/export-button";
import { useDepartmentOptions, useTermOptions } from "../lists/lists";
import { queueLink } from "../queue/queue-params";
import { useUser } from "../session/session";
import {
  BacklogChart,
  HeatmapChart,
  OnTimeChart,
  ParetoChart,
  SatisfactionChart,
  VolumeChart,
} from "./dashboard-charts";
import { type DashboardFilters, useDashboardReports } from "./dashboard-data";
import { intervalOf, periodOf } from "./dashboard-period";

/** A chart once its report has arrived; the report's own loading and error state until then. */
function Loaded<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (d: T) => ReactNode;
}) {
  return <QueryState query={query}>{query.data ? children(query.data) : null}</QueryState>;
}

/** A chart's 导出: the report it drew, asked with the very query it drew from. */
function ReportExport(props: { report: "trend" | "causes"; query: Record<string, unknown> }) {
  return <ExportButton request={() => ({ kind: "report", ...props })} />;
}

/**
 * 统计看板: the period's volume against the previous one, the causes' Pareto, 按时办结率 by
 * department, backlog ageing, satisfaction and department × category, each figure opening its
 * cases in the queue; and the customers slowness may cost, estimated from seed 004's figures.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const choice = usePeriodChoice("month");
  const { kind } = choice;
  const [filters, setFilters] = useState<DashboardFilters>({});
  const departments = useDepartmentOptions();
  const categories = useTermOptions("category");
  const period = periodOf(kind, choice.day);
  const interval = intervalOf[kind];
  const reports = useDashboardReports(kind, period, interval, filters);

  // The queue holds what the caller's report scope counted: an agent's own cases, a department's.
  const scope: ViewFilters =
    user.role === "agent"
      ? { mine: true }
      : user.role === "department_handler" && user.departmentId
        ? { departmentId: user.departmentId }
        : {};
  const drill = (chosen: ViewFilters) =>
    navigate(
      queueLink({
        ...scope,
        leadDepartmentId: filters.departmentId,
        category: filters.category,
        ...chosen,
      }),
    );

  const total = reports.kpis.data?.total.figures;
  const late = (total?.closedRate?.count ?? 0) - (total?.onTimeRate?.count ?? 0);
  const overdue = reports.backlog.data?.overdue ?? 0;

  return (
    <Card
      title={t("dashboard.title")}
      extra={
        <Space wrap>
          <PeriodPicker
            choice={choice}
            kinds={["month", "quarter", "year"]}
            kindLabel={t("dashboard.period")}
          />
          <FilterSelect
            name={t("dashboard.department")}
            width={160}
            showSearch={{ optionFilterProp: "label" }}
            value={filters.departmentId}
            onChange={(departmentId) => setFilters((f) => ({ ...f, departmentId }))}
            options={departments.options}
          />
          <FilterSelect
            name={t("dashboard.category")}
            width={140}
            value={filters.category}
            onChange={(category) => setFilters((f) => ({ ...f, category }))}
            options={categories.options}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t("dashboard.drillHint")}
        {user.role === "agent" && ` · ${t("dashboard.ownRows")}`}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Loaded query={reports.volume}>
            {(current) => (
              <VolumeChart
                current={current}
                previous={reports.previous.data}
                interval={interval}
                period={period}
                drill={drill}
                extra={<ReportExport report="trend" query={reports.asked.volume} />}
              />
            )}
          </Loaded>
        </Col>
        <Col xs={24} xl={12}>
          <Loaded query={reports.causes}>
            {(causes) => (
              <ParetoChart
                causes={causes}
                period={period}
                drill={drill}
                extra={<ReportExport report="causes" query={reports.asked.causes} />}
              />
            )}
          </Loaded>
        </Col>
        <Col xs={24} xl={12}>
          <Loaded query={reports.kpis}>
            {(kpis) => <OnTimeChart kpis={kpis} period={period} drill={drill} />}
          </Loaded>
        </Col>
        <Col xs={24} xl={12}>
          <Loaded query={reports.backlog}>
            {(backlog) => <BacklogChart backlog={backlog} drill={drill} />}
          </Loaded>
        </Col>
        <Col xs={24} xl={12}>
          <Loaded query={reports.satisfaction}>
            {(trend) => (
              <SatisfactionChart trend={trend} interval={interval} period={period} drill={drill} />
            )}
          </Loaded>
        </Col>
        <Col xs={24} xl={12}>
          <Loaded query={reports.heatmap}>
            {(heatmap) => <HeatmapChart heatmap={heatmap} period={period} drill={drill} />}
          </Loaded>
        </Col>
        <Col span={24}>
          <Alert
            type="warning"
            data-testid="customers-at-risk"
            title={
              <Statistic
                title={t("dashboard.atRisk")}
                value={customersAtRisk({ closedLate: late, openOverdue: overdue })}
              />
            }
            description={t("dashboard.atRiskNote", { late, overdue })}
          />
        </Col>
      </Row>
    </Card>
  );
}
