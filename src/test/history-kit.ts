// An earlier system's cases as the history import takes them (POST /imports/history): a sheet of
// rows under the Chinese headers, each step at its own time.

import ExcelJS from "exceljs";
import type { ApiClient } from "./api-client.js";
import { mobile } from "./factories.js";
import type { HistoryImportReport } from "./wire.js";

export const historyHeaders = [
  "原系统编号",
  "受理时间",
  "客户姓名",
  "客户电话",
  "渠道",
  "主题",
  "诉求描述",
  "投诉类别",
  "承办人工号",
  "答复时间",
  "答复内容",
  "回访时间",
  "满意度",
  "回访人工号",
  "办结时间",
  "办结说明",
  "责任认定",
  "是否属实",
] as const;

export type HistoryRow = (string | null)[];

type Header = (typeof historyHeaders)[number];

/** A row from the cells given by header; the rest empty, a phone made up unless given. */
export const historyRow = (cells: Partial<Record<Header, string>>): HistoryRow =>
  historyHeaders.map((h) => cells[h] ?? (h === "客户电话" ? mobile() : null));

export async function historySheet(rows: HistoryRow[]): Promise<Blob> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("历史工单");
  ws.addRow([...historyHeaders]);
  for (const row of rows) ws.addRow(row);
  return new Blob([new Uint8Array(await book.xlsx.writeBuffer())]);
}

export const uploadHistory = async (client: ApiClient, file: Blob, system = "旧客服系统") => {
  const form = new FormData();
  form.append("file", file, "history.xlsx");
  return client.post<HistoryImportReport>(
    `/imports/history?system=${encodeURIComponent(system)}`,
    form,
  );
};
