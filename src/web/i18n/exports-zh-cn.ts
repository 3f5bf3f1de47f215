// The workbench's words for background exports (导出任务, issue 15).
export const exportsZhCN = {
  exports: {
    start: "导出",
    xlsx: "导出 Excel",
    csv: "导出 CSV",
    started: "已开始导出，可在“导出任务”中查看进度",
    panel: "导出任务",
    empty: "还没有导出任务",
    queue: "投诉列表",
    rows: "{{done}} / {{total}} 行",
    rowsDone: "{{done}} 行",
    download: "下载",
    expires: "{{at}} 后删除",
    status: {
      queued: "排队中",
      running: "导出中",
      done: "已完成",
      failed: "失败",
    },
    reports: {
      kpis: "KPI 报表",
      trend: "趋势",
      causes: "原因分析",
      regulator: "监管分类统计",
    },
  },
};
