// The reports the dashboard draws, each read from the report API with the same period and filters.
import { useQuery } from "@tanstack/react-query";
import { api, queryString } from "../../api/client";
import { type Interval, type Period, type PeriodKind, previousPeriod } from "./dashboard-period";

export type Label = { zh: string; en: string };
export interface Figure {
  value: number | null;
  count?: number;
  over?: number;
}
export interface TrendPoint extends Figure {
  period: string;
}
export interface Trend {
  points: TrendPoint[];
}
export interface Causes {
  cases: number;
  causes: { key: string; label: Label; count: number; share: number; cumulativeShare: number }[];
}
export interface Kpis {
  rows: { key: string | null; label: Label; figures: Record<string, Figure> }[];
  total: { figures: Record<string, Figure> };
}
export interface Backlog {
  today: string;
  open: number;
  overdue: number;
  buckets: {
    key: string;
    receivedFrom: string | null;
    receivedTo: string;
    count: number;
    overdue: number;
  }[];
}
export interface Heatmap {
  cells: {
    department: { key: string | null; label: Label };
    category: { key: string | null; label: Label };
    count: number;
  }[];
}

/** What narrows every chart besides the period: the reports' own filters. */
export interface DashboardFilters {
  departmentId?: string;
  category?: string;
}

const read = <T>(path: string, params: Record<string, string | undefined>) => {
  const query = queryString(params);
  return { queryKey: ["reports", path, query], queryFn: () => api.get<T>(`${path}${query}`) };
};

export function useDashboardReports(
  kind: PeriodKind,
  period: Period,
  interval: Interval,
  filters: DashboardFilters,
) {
  const scoped = { ...period, ...filters };
  const previous = previousPeriod(kind, period);
  // What the volume and Pareto charts ask, kept so their export asks the very same.
  const asked = { volume: { ...scoped, metric: "accepted", interval }, causes: scoped };
  return {
    asked,
    volume: useQuery(read<Trend>("/reports/trend", asked.volume)),
    previous: useQuery(
      read<Trend>("/reports/trend", { ...filters, ...previous, metric: "accepted", interval }),
    ),
    causes: useQuery(read<Causes>("/reports/causes", asked.causes)),
    kpis: useQuery(read<Kpis>("/reports/kpis", { ...scoped, groupBy: "department" })),
    backlog: useQuery(read<Backlog>("/reports/backlog", { ...filters })),
    satisfaction: useQuery(
      read<Trend>("/reports/trend", { ...scoped, metric: "satisfactionRate", interval }),
    ),
    heatmap: useQuery(read<Heatmap>("/reports/heatmap", scoped)),
  };
}
