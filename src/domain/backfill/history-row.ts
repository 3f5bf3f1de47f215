// A closed or open case from an earlier system (a spreadsheet, an old helpdesk), as one row of an
// admin's history file: what intake needs, and the time of each step it went through, so the
// statistics of the months before kesu are counted as they happened. Pure reading, no I/O.
import { type Satisfaction, satisfactionLevels } from "../complaint/complaint-lifecycle.js";
import { type CaseResponsibility, caseResponsibilities } from "../complaint/judgement.js";
import { type TransferCell, transferTime } from "../transfer/transfer-row.js";

/** The file's columns: the Chinese headers of the template, or these keys (JSON, English CSV). */
export const historyColumns = {
  legacyNo: "原系统编号",
  receivedAt: "受理时间",
  customerName: "客户姓名",
  customerPhone: "客户电话",
  channel: "渠道",
  subject: "主题",
  description: "诉求描述",
  category: "投诉类别",
  businessType: "业务类型",
  causes: "投诉原因",
  ownerAgentNo: "承办人工号",
  repliedAt: "答复时间",
  reply: "答复内容",
  followedUpAt: "回访时间",
  satisfaction: "满意度",
  followUpAgentNo: "回访人工号",
  closedAt: "办结时间",
  closeReason: "办结说明",
  responsibility: "责任认定",
  substantiated: "是否属实",
} as const;

export type HistoryColumn = keyof typeof historyColumns;

export const historyRowRefusals = [
  "missing_legacy_no",
  "missing_received_time",
  "missing_description",
  "missing_customer",
  "bad_time",
  "time_in_future",
  "steps_out_of_order",
  "missing_owner",
  "missing_reply_text",
  "bad_satisfaction",
  "follow_up_without_reply",
  "close_without_reply",
  "missing_finding",
  "bad_finding",
] as const;
export type HistoryRefusal = (typeof historyRowRefusals)[number];

/** One step the case went through after intake, at its own time, by the owner unless named. */
export type HistoryStep =
  | { kind: "reply"; at: Date; message: string }
  | { kind: "follow-up"; at: Date; satisfaction: Satisfaction; agentNo: string | null }
  | {
      kind: "close";
      at: Date;
      reason: string;
      /** Set when it closes straight from the reply: the earlier system recorded no visit. */
      reasonCode: "other" | undefined;
      responsibility: CaseResponsibility;
      substantiated: boolean;
    };

export interface HistoryCase {
  legacyNo: string;
  receivedAt: Date;
  customer: { name: string; phone: string | null };
  channel: string | null;
  subject: string;
  description: string;
  category: string | null;
  businessType: string | null;
  causes: string[];
  ownerAgentNo: string | null;
  steps: HistoryStep[];
}

export type HistoryRowReading =
  | { ok: true; case: HistoryCase }
  | { ok: false; legacyNo: string | null; reasons: HistoryRefusal[] };

const SUBJECT_LENGTH = 60;

const satisfactionWords: Record<string, Satisfaction> = {
  满意: "satisfied",
  基本满意: "basically_satisfied",
  不满意: "dissatisfied",
};
const yes = new Set(["是", "属实", "true", "yes", "1"]);
const no = new Set(["否", "不属实", "false", "no", "0"]);

function textOf(cell: TransferCell): string | null {
  if (cell === null || cell === undefined) return null;
  const text = (cell instanceof Date ? cell.toISOString() : String(cell)).trim();
  return text === "" ? null : text;
}

/** A cell by its key or by its Chinese header. */
const reader = (cells: (column: string) => TransferCell) => (column: HistoryColumn) =>
  textOf(cells(column)) === null ? cells(historyColumns[column]) : cells(column);

/**
 * Reads one row; every problem of the row is named, not only the first. The steps must follow
 * one another (received ≤ replied ≤ followed up ≤ closed) and none may lie in the future.
 */
export function readHistoryRow(
  cells: (column: string) => TransferCell,
  timeZone: string,
  now: Date,
): HistoryRowReading {
  const cell = reader(cells);
  const text = (column: HistoryColumn) => textOf(cell(column));
  const reasons = new Set<HistoryRefusal>();
  const time = (column: HistoryColumn) => {
    const value = transferTime(cell(column), timeZone);
    if (value === "bad") reasons.add("bad_time");
    else if (value && value > now) reasons.add("time_in_future");
    return value instanceof Date ? value : null;
  };
  const legacyNo = text("legacyNo");
  if (!legacyNo) reasons.add("missing_legacy_no");
  const receivedAt = time("receivedAt");
  if (!receivedAt && text("receivedAt") === null) reasons.add("missing_received_time");
  const description = text("description");
  if (!description) reasons.add("missing_description");
  const customerName = text("customerName");
  const customerPhone = text("customerPhone");
  if (!customerName && !customerPhone) reasons.add("missing_customer");

  const repliedAt = time("repliedAt");
  const followedUpAt = time("followedUpAt");
  const closedAt = time("closedAt");
  const reply = text("reply");
  if (repliedAt && !reply) reasons.add("missing_reply_text");
  const ownerAgentNo = text("ownerAgentNo");
  if ((repliedAt || closedAt) && !ownerAgentNo) reasons.add("missing_owner");
  const satisfactionText = text("satisfaction");
  const satisfaction = satisfactionText ? satisfactionOf(satisfactionText) : null;
  if (followedUpAt && !satisfaction) reasons.add("bad_satisfaction");
  if (followedUpAt && !repliedAt) reasons.add("follow_up_without_reply");
  if (closedAt && !repliedAt) reasons.add("close_without_reply");
  const responsibilityText = text("responsibility");
  const substantiatedText = text("substantiated")?.toLowerCase() ?? null;
  if (closedAt && (!responsibilityText || !substantiatedText)) reasons.add("missing_finding");
  const responsibility = caseResponsibilities.find((r) => r === responsibilityText) ?? null;
  const substantiated =
    substantiatedText === null
      ? null
      : yes.has(substantiatedText)
        ? true
        : no.has(substantiatedText)
          ? false
          : null;
  if ((responsibilityText && !responsibility) || (substantiatedText && substantiated === null))
    reasons.add("bad_finding");
  const times = [receivedAt, repliedAt, followedUpAt, closedAt].filter((t): t is Date => !!t);
  if (times.some((t, i) => i > 0 && t < times[i - 1]!)) reasons.add("steps_out_of_order");

  if (reasons.size > 0 || !legacyNo || !receivedAt || !description)
    return { ok: false, legacyNo, reasons: [...reasons] };
  const steps: HistoryStep[] = [];
  if (repliedAt && reply) steps.push({ kind: "reply", at: repliedAt, message: reply });
  if (followedUpAt && satisfaction)
    steps.push({
      kind: "follow-up",
      at: followedUpAt,
      satisfaction,
      agentNo: text("followUpAgentNo"),
    });
  if (closedAt && responsibility && substantiated !== null)
    steps.push({
      kind: "close",
      at: closedAt,
      reason: text("closeReason") ?? "历史数据导入",
      reasonCode: followedUpAt ? undefined : "other",
      responsibility,
      substantiated,
    });
  return {
    ok: true,
    case: {
      legacyNo,
      receivedAt,
      customer: {
        name: customerName ?? `客户${customerPhone?.slice(-4) ?? ""}`,
        phone: customerPhone,
      },
      channel: text("channel"),
      subject: (text("subject") ?? description.slice(0, SUBJECT_LENGTH)).slice(0, 200),
      description,
      category: text("category"),
      businessType: text("businessType"),
      causes: (text("causes") ?? "")
        .split(/[、,，;；]/)
        .map((c) => c.trim())
        .filter(Boolean),
      ownerAgentNo,
      steps,
    },
  };
}

function satisfactionOf(text: string): Satisfaction | null {
  return satisfactionWords[text] ?? satisfactionLevels.find((level) => level === text) ?? null;
}
