import { describe, expect, it } from "vitest";
import type { TransferCell } from "../transfer/transfer-row.js";
import { readHistoryRow } from "./history-row.js";

const NOW = new Date("2026-12-07T00:00:00Z");
const read = (cells: Record<string, TransferCell>) =>
  readHistoryRow((column) => cells[column], "Asia/Shanghai", NOW);

const replied = {
  原系统编号: "OLD-7",
  受理时间: "2026-03-02 09:00",
  客户电话: "13800138000",
  诉求描述: "电费多扣",
  承办人工号: "2001",
  答复时间: "2026/3/3 9:00",
  答复内容: "已退还",
};

describe("a history row", () => {
  it("reads the template's Chinese headers and the English keys alike", () => {
    const zh = read(replied);
    const en = read({
      legacyNo: "OLD-7",
      receivedAt: "2026-03-02T01:00:00Z",
      customerPhone: "13800138000",
      description: "电费多扣",
      ownerAgentNo: "2001",
      repliedAt: "2026-03-03T01:00:00Z",
      reply: "已退还",
    });
    expect(zh).toEqual(en);
    expect(zh).toMatchObject({
      ok: true,
      case: {
        receivedAt: new Date("2026-03-02T01:00:00Z"),
        subject: "电费多扣",
        customer: { name: "客户8000", phone: "13800138000" },
        steps: [{ kind: "reply", at: new Date("2026-03-03T01:00:00Z"), message: "已退还" }],
      },
    });
  });

  it("names every problem of a row at once", () => {
    expect(read({ 答复时间: "明天", 回访时间: "2026-03-04", 办结时间: "2027-01-01" })).toEqual({
      ok: false,
      legacyNo: null,
      reasons: [
        "missing_legacy_no",
        "missing_received_time",
        "missing_description",
        "missing_customer",
        "bad_time",
        "time_in_future",
        "missing_owner",
        "bad_satisfaction",
        "follow_up_without_reply",
        "close_without_reply",
        "missing_finding",
      ],
    });
  });

  it("refuses steps out of order: a reply before the case was received", () => {
    const reading = read({ ...replied, 答复时间: "2026-03-01 09:00" });
    expect(reading).toMatchObject({ ok: false, reasons: ["steps_out_of_order"] });
  });

  it("closes after the visit, or straight from the reply with the reason that no visit was recorded", () => {
    const finding = { 办结时间: "2026-03-06", 责任认定: "company", 是否属实: "是" };
    const visited = read({ ...replied, ...finding, 回访时间: "2026-03-05", 满意度: "基本满意" });
    const unvisited = read({ ...replied, ...finding, 是否属实: "否" });
    expect(visited.ok && visited.case.steps.map((s) => s.kind)).toEqual([
      "reply",
      "follow-up",
      "close",
    ]);
    expect(visited.ok && visited.case.steps[1]).toMatchObject({
      satisfaction: "basically_satisfied",
    });
    expect(visited.ok && visited.case.steps[2]).toMatchObject({
      reasonCode: undefined,
      responsibility: "company",
      substantiated: true,
    });
    expect(unvisited.ok && unvisited.case.steps[1]).toMatchObject({
      kind: "close",
      reasonCode: "other",
      substantiated: false,
    });
  });

  it("refuses a finding it cannot read", () => {
    const reading = read({
      ...replied,
      办结时间: "2026-03-06",
      责任认定: "大概是我们",
      是否属实: "也许",
    });
    expect(reading).toMatchObject({ ok: false, reasons: ["bad_finding"] });
  });
});
