// The reply-back (办结反馈 / 回复单) a hotline takes back: its own columns as it sent them, then
// our result, finding and the customer's satisfaction, in the words the hotline's staff read.

import type { Satisfaction } from "../complaint/complaint-lifecycle.js";
import type { CaseResponsibility } from "../complaint/judgement.js";
import type { TransferMapping } from "./transfer-row.js";

const satisfactionWords: Record<Satisfaction, string> = {
  satisfied: "满意",
  basically_satisfied: "基本满意",
  dissatisfied: "不满意",
};

const responsibilityWords: Record<CaseResponsibility, string> = {
  company: "我方责任",
  customer: "客户原因",
  third_party: "第三方原因",
  undetermined: "责任待定",
  shared: "多方责任",
};

/** The fields a reply-back row is made of, in the order of the mapping's columns. */
export const replyBackFields = [
  "externalNo",
  "receivedAt",
  "externalDueAt",
  "category",
  "subject",
  "description",
  "callerPhone",
  "callerName",
] as const;

export const replyBackDefaults = {
  result: "办理结果",
  finding: "核实情况",
  satisfaction: "满意度",
};

/** The columns: the mapped ones the hotline sent, then ours under its names or our defaults. */
export function replyBackHeaders(mapping: TransferMapping): string[] {
  const sent = replyBackFields.flatMap((f) => (mapping[f] ? [mapping[f]] : []));
  return [
    ...sent,
    mapping.result ?? replyBackDefaults.result,
    mapping.finding ?? replyBackDefaults.finding,
    mapping.satisfaction ?? replyBackDefaults.satisfaction,
  ];
}

export interface ReplyBackCase {
  externalNo: string;
  receivedAt: string;
  externalDueAt: string | null;
  category: string | null;
  subject: string;
  description: string;
  callerPhone: string | null;
  callerName: string | null;
  resolution: string | null;
  substantiated: boolean | null;
  responsibility: CaseResponsibility | null;
  findingNote: string | null;
  satisfaction: Satisfaction | null;
}

/** The finding as one sentence: 属实 or not, whose fault, and why. */
export function findingText(c: ReplyBackCase): string {
  return [
    c.substantiated === null ? null : c.substantiated ? "属实" : "不属实",
    c.responsibility ? responsibilityWords[c.responsibility] : null,
    c.findingNote,
  ]
    .filter(Boolean)
    .join("；");
}

export function replyBackRow(mapping: TransferMapping, c: ReplyBackCase): (string | null)[] {
  return [
    ...replyBackFields.flatMap((f) => (mapping[f] ? [c[f]] : [])),
    c.resolution,
    findingText(c),
    c.satisfaction ? satisfactionWords[c.satisfaction] : null,
  ];
}
