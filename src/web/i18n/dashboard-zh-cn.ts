// 统计看板: the charts, the period picker and the estimate of customers at risk. Spread into the
// resources.
export const dashboardZhCN = {
  dashboard: {
    title: "统计看板",
    period: "统计周期",
    periods: { month: "月", quarter: "季度", year: "年" },
    department: "主办部门",
    category: "类别",
    drillHint: "点击图表中的任一数据，打开工作队列中对应的投诉",
    ownRows: "图表为您本人的工单",
    volume: "受理量趋势",
    current: "本期",
    previous: "上期",
    pareto: "投诉原因帕累托",
    count: "投诉数",
    cumulative: "累计占比",
    onTime: "各部门按时办结率",
    onTimeTip: "{{rate}}%（按时 {{count}} / 受理 {{over}}）；点击打开该部门受理的 {{over}} 件",
    backlog: "积压账龄（未结投诉）",
    ageDays: "{{key}} 天",
    open: "未结",
    overdue: "已超期",
    satisfaction: "满意率趋势",
    satisfactionTip: "{{rate}}%（满意 {{count}} / 回访 {{over}}）；点击打开满意的 {{count}} 件",
    heatmap: "部门 × 类别",
    atRisk: "流失风险客户估算",
    atRiskNote:
      "估算，非统计：依据 CCCS 引用的公开调查（不满意又不投诉的客户 91% 流失；投诉未解决 81% 流失；解决但不迅速 46% 流失；迅速解决则 82% 留存），按本期超期办结 {{late}} 件、至今超期未结 {{overdue}} 件，计算因处理慢而多流失的客户数。",
    empty: "本期暂无数据",
  },
};
