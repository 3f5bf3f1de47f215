// The workbench's words for 考核 (issue 15): an agent's or a department's KPIs beside the median.
// Spread into each language's resources.
export const appraisalZhCN = {
  appraisal: {
    title: "考核",
    pickTitle: "考核：选择坐席或部门",
    agents: "坐席",
    departments: "部门",
    name: "名称",
    open: "查看考核",
    back: "返回列表",
    period: "受理日期",
    kpi: "指标",
    figure: "数值",
    median: "团队中位数",
    rank: "排名",
    rankOf: "{{rank}} / {{peers}}",
    basis: "计数",
    verdict: "对比中位数",
    better: "优于中位数",
    worse: "差于中位数",
    same: "持平",
    medianNote:
      "中位数取全中心在期间有受理投诉的坐席（或主办部门），无投诉者不计入；排名 1 为最好（受理量等数量指标按多少排）。",
    trend: "近六个月",
    month: "月份",
    withMedian: "{{value}}（中位数 {{median}}）",
    exportCsv: "导出 CSV",
    exportXlsx: "导出 Excel",
  },
};
