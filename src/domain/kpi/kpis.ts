// The complaint KPIs exactly as shared/standards.md defines them, each with its formula in both
// languages (the reports page shows it as a tooltip). A KPI is data: which cases it counts and
// how; kpi-measure.ts reads it on facts, the reports compile it to SQL, and both end in the same
// `kpiValue`.

import type { TimeFact } from "./case-facts.js";
import { all, type Condition, not } from "./condition.js";

export type Measure =
  /** How many cases meet `where`. */
  | { kind: "count"; where: Condition }
  /** Share in percent of the `over` cases that also meet `of`. */
  | { kind: "ratio"; of: Condition; over: Condition }
  /** Median hours from `from` to `to` of the cases meeting `where`, paused time taken out. */
  | { kind: "median"; from: TimeFact; to: TimeFact; where: Condition }
  /** Days since receipt of the oldest case meeting `where`, at the report's instant. */
  | { kind: "oldestAge"; where: Condition }
  /** Yuan of the granted remedies that stand, on cases meeting `where`. */
  | { kind: "remedyYuan"; where: Condition }
  /** Cases meeting `where` per 10,000 customers of the customer base the report is given. */
  | { kind: "perCustomers"; where: Condition };

export type KpiUnit = "cases" | "percent" | "hours" | "days" | "yuan" | "per10k";

export interface Kpi {
  id: string;
  name: { zh: string; en: string };
  formula: { zh: string; en: string };
  unit: KpiUnit;
  measure: Measure;
}

/**
 * 受理: every case received, except a merged one (a repeat without new facts: it is counted on the
 * case it joined) and a withdrawn one (the customer took it back: no decision is owed).
 */
export const accepted: Condition = not({ status: ["merged", "withdrawn"] });
const closed = all(accepted, { status: ["closed"] });
/** The last decision given by the deadline in force: an approved extension moved it, 重办 set a new one. */
const decidedOnTime: Condition = { time: "lastReplyAt", notAfter: "dueAt" };
const replied = all(accepted, { has: "lastReplyAt" });
const dispatched = all(accepted, { count: "leadOrders", atLeast: 1 });
const followedUp = all(accepted, not({ satisfaction: [null] }));
/** In the backlog at the report's instant: accepted and not closed by then. */
export const openAtAsOf = all(accepted, not({ time: "closedAt", notAfter: "asOf" }));

export const kpis = [
  {
    id: "accepted",
    name: { zh: "受理量", en: "Accepted" },
    formula: {
      zh: "期间受理的投诉数（不含已合并、已撤诉）",
      en: "Complaints received in the period, merged and withdrawn ones left out",
    },
    unit: "cases",
    measure: { kind: "count", where: accepted },
  },
  {
    id: "closedRate",
    name: { zh: "办结率", en: "Closure rate" },
    formula: { zh: "办结数 ÷ 受理量", en: "Closed ÷ accepted" },
    unit: "percent",
    measure: { kind: "ratio", of: closed, over: accepted },
  },
  {
    id: "onTimeRate",
    name: { zh: "按时办结率", en: "Closed on time" },
    formula: {
      zh: "按时办结数 ÷ 受理量；按时 = 已办结且最后一次答复不晚于现行期限（含已批准的延期，重办按新一轮期限）",
      en: "Closed on time ÷ accepted; on time = closed with the last reply by the deadline in force (approved extensions count; after a reopening, the new round's deadline)",
    },
    unit: "percent",
    measure: { kind: "ratio", of: all(closed, decidedOnTime), over: accepted },
  },
  {
    id: "reopenRate",
    name: { zh: "重办率", en: "Reopen rate" },
    formula: {
      zh: "重办过的投诉数 ÷ 已答复的投诉数",
      en: "Complaints reopened at least once ÷ complaints replied to",
    },
    unit: "percent",
    measure: { kind: "ratio", of: { count: "reopenCount", atLeast: 1 }, over: replied },
  },
  {
    id: "firstAssignmentAccuracy",
    name: { zh: "首次派单准确率", en: "First-assignment accuracy" },
    formula: {
      zh: "只派过一次且未被退单的投诉数 ÷ 派过单的投诉数",
      en: "Complaints dispatched once and never returned ÷ complaints dispatched",
    },
    unit: "percent",
    measure: {
      kind: "ratio",
      of: all({ count: "leadOrders", atMost: 1 }, { count: "returnedOrders", atMost: 0 }),
      over: dispatched,
    },
  },
  {
    id: "returnRate",
    name: { zh: "退单率", en: "Return rate" },
    formula: {
      zh: "有部门退单的投诉数 ÷ 派过单的投诉数",
      en: "Complaints a department returned ÷ complaints dispatched",
    },
    unit: "percent",
    measure: { kind: "ratio", of: { count: "returnedOrders", atLeast: 1 }, over: dispatched },
  },
  {
    id: "firstContactResolution",
    name: { zh: "一次性解决率", en: "First-contact resolution" },
    formula: {
      zh: "首次接触即解决的投诉数 ÷ 已答复的投诉数；即未派单、未升级、未重办、客户未再来电，且客户 14 天（约 10 个工作日）内未再投诉",
      en: "Resolved on first contact ÷ replied; i.e. never dispatched, escalated or reopened, no further inbound contact, and no new complaint by the customer within 14 days (≈ 10 working days)",
    },
    unit: "percent",
    measure: {
      kind: "ratio",
      of: all(
        { count: "leadOrders", atMost: 0 },
        { count: "escalationLevel", atMost: 0 },
        { count: "reopenCount", atMost: 0 },
        { count: "inboundContacts", atMost: 1 },
        not({ fact: "cameBackSoon" }),
      ),
      over: replied,
    },
  },
  {
    id: "satisfactionRate",
    name: { zh: "满意率", en: "Satisfaction" },
    formula: {
      zh: "（满意 + 基本满意）÷ 完成回访的投诉数（每件取最近一次回访）",
      en: "(Satisfied + basically satisfied) ÷ complaints followed up (each case's latest visit)",
    },
    unit: "percent",
    measure: {
      kind: "ratio",
      of: { satisfaction: ["satisfied", "basically_satisfied"] },
      over: followedUp,
    },
  },
  {
    id: "repeatRate",
    name: { zh: "重复投诉率", en: "Repeat complaints" },
    formula: {
      zh: "标记为重复投诉的投诉数 ÷ 受理量",
      en: "Complaints flagged as a repeat ÷ accepted",
    },
    unit: "percent",
    measure: { kind: "ratio", of: { fact: "repeat" }, over: accepted },
  },
  {
    id: "threeContactBreaches",
    name: { zh: "事不过三超限", en: "Three-contact breaches" },
    formula: {
      zh: "客户就同一投诉来找我们四次及以上（含受理那一次）的投诉数",
      en: "Complaints on which the customer had to contact us four times or more (the intake included)",
    },
    unit: "cases",
    measure: { kind: "count", where: all(accepted, { count: "inboundContacts", atLeast: 4 }) },
  },
  {
    id: "escalationRate",
    name: { zh: "升级率", en: "Escalation rate" },
    formula: { zh: "升级过的投诉数 ÷ 受理量", en: "Complaints escalated ÷ accepted" },
    unit: "percent",
    measure: { kind: "ratio", of: { count: "escalationLevel", atLeast: 1 }, over: accepted },
  },
  {
    id: "transferRate",
    name: { zh: "监管转办率", en: "Regulator-transfer rate" },
    formula: {
      zh: "上级/监管转办的投诉数 ÷ 受理量",
      en: "Complaints transferred by an upper level or regulator ÷ accepted",
    },
    unit: "percent",
    measure: { kind: "ratio", of: { fact: "transferred" }, over: accepted },
  },
  {
    id: "medianFirstResponseHours",
    name: { zh: "首次响应时长（中位数）", en: "Time to first response (median)" },
    formula: {
      zh: "受理到首次答复或首次回电的小时数的中位数，扣除暂停时间",
      en: "Median hours from receipt to the first reply or outbound call, paused time taken out",
    },
    unit: "hours",
    measure: { kind: "median", from: "receivedAt", to: "firstResponseAt", where: accepted },
  },
  {
    id: "medianResolutionHours",
    name: { zh: "办结时长（中位数）", en: "Time to resolution (median)" },
    formula: {
      zh: "已办结投诉从受理到办结的小时数的中位数，扣除暂停时间",
      en: "Median hours from receipt to closure of closed complaints, paused time taken out",
    },
    unit: "hours",
    measure: { kind: "median", from: "receivedAt", to: "closedAt", where: closed },
  },
  {
    id: "backlog",
    name: { zh: "积压量", en: "Backlog" },
    formula: {
      zh: "期间受理、到期末（或此刻）仍未办结的投诉数",
      en: "Complaints received in the period still not closed at its end (or now)",
    },
    unit: "cases",
    measure: { kind: "count", where: openAtAsOf },
  },
  {
    id: "oldestOpenDays",
    name: { zh: "最长未结天数", en: "Oldest open (days)" },
    formula: {
      zh: "积压投诉中受理最早的一件至期末（或此刻）的天数",
      en: "Days from receipt to the period's end (or now) of the oldest complaint in the backlog",
    },
    unit: "days",
    measure: { kind: "oldestAge", where: openAtAsOf },
  },
  {
    id: "remedyYuan",
    name: { zh: "补救金额", en: "Remedies granted" },
    formula: {
      zh: "期间受理的投诉上已给予且未冲正的补救金额（元）",
      en: "Yuan of remedies granted and not reversed on complaints received in the period",
    },
    unit: "yuan",
    measure: { kind: "remedyYuan", where: accepted },
  },
  {
    id: "substantiated",
    name: { zh: "属实数", en: "Substantiated" },
    formula: {
      zh: "主办部门处理结果认定属实的投诉数",
      en: "Complaints the lead department's result found substantiated",
    },
    unit: "cases",
    measure: { kind: "count", where: all(accepted, { fact: "substantiated" }) },
  },
  {
    id: "per10kCustomers",
    name: { zh: "万客户投诉量", en: "Per 10,000 customers" },
    formula: {
      zh: "受理量 ÷ 客户总数 × 10000（客户总数由报表参数给出）",
      en: "Accepted ÷ customer base × 10,000 (the base is given to the report)",
    },
    unit: "per10k",
    measure: { kind: "perCustomers", where: accepted },
  },
] as const satisfies readonly Kpi[];

export type KpiId = (typeof kpis)[number]["id"];
export const kpiIds = kpis.map((k) => k.id) as KpiId[];
export const kpiById = (id: string): Kpi | undefined => kpis.find((k) => k.id === id);
