import type { exportsZhCN } from "./exports-zh-cn";

export const exportsEn: typeof exportsZhCN = {
  exports: {
    start: "Export",
    xlsx: "Export Excel",
    csv: "Export CSV",
    started: "Export started; follow it under Exports",
    panel: "Exports",
    empty: "No exports yet",
    queue: "Complaint list",
    rows: "{{done}} / {{total}} rows",
    rowsDone: "{{done}} rows",
    download: "Download",
    expires: "deleted after {{at}}",
    status: {
      queued: "Queued",
      running: "Exporting",
      done: "Done",
      failed: "Failed",
    },
    reports: {
      kpis: "KPI report",
      trend: "Trend",
      causes: "Causes",
      regulator: "Regulator table",
    },
  },
};
