import type { ComplaintStatus } from "./complaint-lifecycle.js";

/** A status's name in each interface language: one table for the workbench, the CLI and mail. */
export const complaintStatusLabels: Record<"zh-CN" | "en", Record<ComplaintStatus, string>> = {
  "zh-CN": {
    received: "已受理",
    assigned: "已分派",
    dispatched: "已派单",
    handled: "已处理",
    replied: "已答复",
    followed_up: "已回访",
    reopened: "重办",
    closed: "已办结",
    withdrawn: "已撤销",
    merged: "已合并",
  },
  en: {
    received: "Received",
    assigned: "Assigned",
    dispatched: "Dispatched",
    handled: "Handled",
    replied: "Replied",
    followed_up: "Followed up",
    reopened: "Reopened",
    closed: "Closed",
    withdrawn: "Withdrawn",
    merged: "Merged",
  },
};
