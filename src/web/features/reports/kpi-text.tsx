// A KPI's name with its formula as the tooltip, and a figure with its unit (the counts behind a
// rate on hover), and the KPI report's rows: shared by the reports and the appraisal pages so
// both read the same.
import { Tooltip } from "antd";
import { useTranslation } from "react-i18next";

type Label = { zh: string; en: string };
export type KpiUnit = "cases" | "percent" | "hours" | "days" | "yuan" | "per10k";
export interface KpiInfo {
  id: string;
  name: Label;
  formula: Label;
  unit: KpiUnit | string;
}
export interface KpiFigure {
  value: number | null;
  count?: number;
  over?: number;
}

export function useLang(): "zh" | "en" {
  return useTranslation().i18n.language === "en" ? "en" : "zh";
}

export function KpiName({ kpi }: { kpi: KpiInfo }) {
  const lang = useLang();
  return (
    <Tooltip title={kpi.formula[lang]}>
      <span data-testid={`kpi-${kpi.id}`}>{kpi.name[lang]}</span>
    </Tooltip>
  );
}

/** `value` and `unit` as shown in a table cell; "—" for no figure. */
export function useFigureText() {
  const { t, i18n } = useTranslation();
  return (unit: string, value: number | null | undefined) =>
    value === null || value === undefined
      ? "—"
      : `${value.toLocaleString(i18n.language)}${t(`reports.unit.${unit}`)}`;
}

export function KpiFigureCell({ unit, figure }: { unit: string; figure: KpiFigure | undefined }) {
  const text = useFigureText()(unit, figure?.value);
  if (figure?.over === undefined || figure.value === null) return text;
  return <Tooltip title={`${figure.count} / ${figure.over}`}>{text}</Tooltip>;
}

/** One table column per KPI: its name (formula on hover) over each row's figure. */
export function kpiColumns<Row extends { figures: Record<string, KpiFigure | undefined> }>(
  kpis: readonly KpiInfo[],
) {
  return kpis.map((k) => ({
    key: k.id,
    align: "right" as const,
    title: <KpiName kpi={k} />,
    render: (_: unknown, row: Row) => <KpiFigureCell unit={k.unit} figure={row.figures[k.id]} />,
  }));
}

/** One row of the KPI report: a group (agent, department, …) with its figure per KPI. */
export interface KpiGroup {
  key: string | null;
  label: Label;
  figures: Record<string, KpiFigure>;
}
/** What /reports/kpis answers for the days it covers. */
export interface KpisReport {
  from: string;
  to: string;
  kpis: KpiInfo[];
  rows: KpiGroup[];
  total: KpiGroup;
}
