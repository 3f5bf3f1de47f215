// The dashboard's six charts. Each figure drills down: a click opens the work queue on the cases
// that figure counts (same days, cause, department, category), so the queue's total is the figure.

import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ViewFilters } from "../../api/types";
import { Card } from "../../components/card";
import { type ChartClick, EChart } from "./chart";
import type { Backlog, Causes, Heatmap, Kpis, Label, Trend } from "./dashboard-data";
import {
  acceptedStatuses,
  bucketDays,
  type Interval,
  type Period,
  receivedIn,
} from "./dashboard-period";

export type Drill = (filters: ViewFilters) => void;

function useLabel() {
  const { i18n } = useTranslation();
  return (label: Label) => (i18n.language === "en" ? label.en : label.zh);
}

const grid = { left: 24, right: 24, top: 40, bottom: 12, containLabel: true };

/** 受理量 per bucket, the previous period's line over it (by position: day 1 over day 1). */
export function VolumeChart(props: {
  current: Trend;
  previous: Trend | undefined;
  interval: Interval;
  period: Period;
  drill: Drill;
  /** The card's corner: the chart's export. */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const { current, previous, interval, period, drill, extra } = props;
  const option = {
    grid,
    tooltip: { trigger: "axis" },
    legend: { top: 0, data: [t("dashboard.current"), t("dashboard.previous")] },
    xAxis: { type: "category", data: current.points.map((p) => p.period.slice(5)) },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      {
        name: t("dashboard.current"),
        type: "bar",
        data: current.points.map((p) => p.value ?? 0),
      },
      {
        name: t("dashboard.previous"),
        type: "line",
        smooth: true,
        data: previous?.points.map((p) => p.value ?? 0) ?? [],
      },
    ],
  };
  const onClick = ({ seriesIndex, dataIndex }: ChartClick) => {
    const point = current.points[dataIndex];
    if (seriesIndex !== 0 || !point) return;
    drill({ ...receivedIn(bucketDays(point.period, interval, period)), status: acceptedStatuses });
  };
  return (
    <Card size="small" title={t("dashboard.volume")} extra={extra}>
      <EChart testId="chart-volume" option={option} onClick={onClick} />
    </Card>
  );
}

/** Cases per cause, most first, with the running share on the right axis. */
export function ParetoChart({
  causes,
  period,
  drill,
  extra,
}: {
  causes: Causes;
  period: Period;
  drill: Drill;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const option = {
    grid,
    tooltip: { trigger: "axis" },
    legend: { top: 0, data: [t("dashboard.count"), t("dashboard.cumulative")] },
    xAxis: {
      type: "category",
      data: causes.causes.map((c) => label(c.label)),
      axisLabel: { interval: 0, rotate: causes.causes.length > 6 ? 30 : 0 },
    },
    yAxis: [
      { type: "value", minInterval: 1 },
      { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    ],
    series: [
      { name: t("dashboard.count"), type: "bar", data: causes.causes.map((c) => c.count) },
      {
        name: t("dashboard.cumulative"),
        type: "line",
        yAxisIndex: 1,
        data: causes.causes.map((c) => c.cumulativeShare),
      },
    ],
  };
  const onClick = ({ dataIndex }: ChartClick) => {
    const cause = causes.causes[dataIndex];
    if (cause) drill({ ...receivedIn(period), status: acceptedStatuses, cause: cause.key });
  };
  return (
    <Card size="small" title={t("dashboard.pareto")} extra={extra}>
      <EChart testId="chart-pareto" option={option} onClick={onClick} />
    </Card>
  );
}

/** 按时办结率 per lead department; a click opens the department's accepted cases (the rate's base). */
export function OnTimeChart({ kpis, period, drill }: { kpis: Kpis; period: Period; drill: Drill }) {
  const { t } = useTranslation();
  const label = useLabel();
  const rows = kpis.rows.filter((r) => r.key !== null);
  const option = {
    grid,
    tooltip: {
      formatter: (p: { dataIndex: number }) => {
        const f = rows[p.dataIndex]?.figures.onTimeRate;
        return t("dashboard.onTimeTip", { rate: f?.value ?? "—", count: f?.count, over: f?.over });
      },
    },
    xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", data: rows.map((r) => label(r.label)) },
    series: [{ type: "bar", data: rows.map((r) => r.figures.onTimeRate?.value ?? 0) }],
  };
  const onClick = ({ dataIndex }: ChartClick) => {
    const row = rows[dataIndex];
    if (row?.key)
      drill({ ...receivedIn(period), status: acceptedStatuses, leadDepartmentId: row.key });
  };
  return (
    <Card size="small" title={t("dashboard.onTime")}>
      <EChart testId="chart-on-time" option={option} onClick={onClick} />
    </Card>
  );
}

/** Open cases by days since receipt, those past their deadline beside them. */
export function BacklogChart({ backlog, drill }: { backlog: Backlog; drill: Drill }) {
  const { t } = useTranslation();
  const option = {
    grid,
    tooltip: { trigger: "axis" },
    legend: { top: 0, data: [t("dashboard.open"), t("dashboard.overdue")] },
    xAxis: {
      type: "category",
      data: backlog.buckets.map((b) => t("dashboard.ageDays", { key: b.key })),
    },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: t("dashboard.open"), type: "bar", data: backlog.buckets.map((b) => b.count) },
      {
        name: t("dashboard.overdue"),
        type: "bar",
        color: "#cf1322",
        data: backlog.buckets.map((b) => b.overdue),
      },
    ],
  };
  const onClick = ({ seriesIndex, dataIndex }: ChartClick) => {
    const b = backlog.buckets[dataIndex];
    if (seriesIndex !== 0 || !b) return;
    drill({ open: true, receivedFrom: b.receivedFrom ?? undefined, receivedTo: b.receivedTo });
  };
  return (
    <Card size="small" title={t("dashboard.backlog")}>
      <EChart testId="chart-backlog" option={option} onClick={onClick} />
    </Card>
  );
}

/** 满意率 per bucket; a click opens the bucket's satisfied cases (the rate's numerator). */
export function SatisfactionChart(props: {
  trend: Trend;
  interval: Interval;
  period: Period;
  drill: Drill;
}) {
  const { t } = useTranslation();
  const { trend, interval, period, drill } = props;
  const option = {
    grid,
    tooltip: {
      formatter: (p: { dataIndex: number }) => {
        const f = trend.points[p.dataIndex];
        return t("dashboard.satisfactionTip", {
          rate: f?.value ?? "—",
          count: f?.count,
          over: f?.over,
        });
      },
    },
    xAxis: { type: "category", data: trend.points.map((p) => p.period.slice(5)) },
    yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    series: [{ type: "line", connectNulls: true, data: trend.points.map((p) => p.value) }],
  };
  const onClick = ({ dataIndex }: ChartClick) => {
    const point = trend.points[dataIndex];
    if (!point?.count) return;
    drill({
      ...receivedIn(bucketDays(point.period, interval, period)),
      status: acceptedStatuses,
      satisfaction: ["satisfied", "basically_satisfied"],
    });
  };
  return (
    <Card size="small" title={t("dashboard.satisfaction")}>
      <EChart testId="chart-satisfaction" option={option} onClick={onClick} />
    </Card>
  );
}

/** Accepted cases per lead department × category. */
export function HeatmapChart({
  heatmap,
  period,
  drill,
}: {
  heatmap: Heatmap;
  period: Period;
  drill: Drill;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const keyOf = (k: string | null) => k ?? "";
  const departments = [
    ...new Map(heatmap.cells.map((c) => [keyOf(c.department.key), c.department])).values(),
  ];
  const categories = [
    ...new Map(heatmap.cells.map((c) => [keyOf(c.category.key), c.category])).values(),
  ];
  const max = Math.max(1, ...heatmap.cells.map((c) => c.count));
  const option = {
    grid: { ...grid, bottom: 60 },
    tooltip: {},
    xAxis: { type: "category", data: categories.map((c) => label(c.label)) },
    yAxis: { type: "category", data: departments.map((d) => label(d.label)) },
    visualMap: { min: 0, max, calculable: true, orient: "horizontal", left: "center", bottom: 0 },
    series: [
      {
        type: "heatmap",
        label: { show: true },
        data: heatmap.cells.map((c) => [
          categories.findIndex((x) => x.key === c.category.key),
          departments.findIndex((x) => x.key === c.department.key),
          c.count,
        ]),
      },
    ],
  };
  const onClick = ({ dataIndex }: ChartClick) => {
    const cell = heatmap.cells[dataIndex];
    // A case not yet dispatched, or without a category, has no filter the queue could name.
    if (!cell?.department.key || !cell.category.key) return;
    drill({
      ...receivedIn(period),
      status: acceptedStatuses,
      leadDepartmentId: cell.department.key,
      category: cell.category.key,
    });
  };
  return (
    <Card size="small" title={t("dashboard.heatmap")}>
      <EChart testId="chart-heatmap" option={option} onClick={onClick} height={320} />
    </Card>
  );
}
