import type { appraisalZhCN } from "./appraisal-zh-cn";

export const appraisalEn: typeof appraisalZhCN = {
  appraisal: {
    title: "Appraisal",
    pickTitle: "Appraisal: pick an agent or a department",
    agents: "Agents",
    departments: "Departments",
    name: "Name",
    open: "Open appraisal",
    back: "Back to the list",
    period: "Received",
    kpi: "KPI",
    figure: "Figure",
    median: "Team median",
    rank: "Rank",
    rankOf: "{{rank}} of {{peers}}",
    basis: "Count",
    verdict: "Against the median",
    better: "Better than the median",
    worse: "Worse than the median",
    same: "At the median",
    medianNote:
      "The median is over every agent (or lead department) with complaints received in the period; those without any are left out. Rank 1 is best (volumes such as Accepted rank by size).",
    trend: "Last six months",
    month: "Month",
    withMedian: "{{value}} (median {{median}})",
    exportCsv: "Export CSV",
    exportXlsx: "Export Excel",
  },
};
