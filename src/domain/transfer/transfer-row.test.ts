import { describe, expect, it } from "vitest";
import { findingText, replyBackHeaders } from "./reply-back.js";
import { parseCsv, readTransferRow, transferTime } from "./transfer-row.js";

const TZ = "Asia/Shanghai";
const now = new Date("2026-12-07T02:00:00Z");
const mapping = {
  externalNo: "编号",
  externalDueAt: "时限",
  description: "内容",
  callerPhone: "电话",
  receivedAt: "受理",
};

describe("a hotline's times", () => {
  it("reads wall-clock times in kesu's zone, ISO instants as given, and spreadsheet dates as wall clock", () => {
    expect(transferTime("2026-12-08 18:00", TZ)).toEqual(new Date("2026-12-08T10:00:00Z"));
    expect(transferTime("2026/12/8", TZ)).toEqual(new Date("2026-12-07T16:00:00Z"));
    expect(transferTime("2026-12-08T18:00:00+08:00", TZ)).toEqual(new Date("2026-12-08T10:00:00Z"));
    expect(transferTime(new Date("2026-12-08T18:00:00Z"), TZ)).toEqual(
      new Date("2026-12-08T10:00:00Z"),
    );
  });

  it("calls a day that does not exist or words bad, and an empty cell missing", () => {
    expect(transferTime("2026-02-30", TZ)).toBe("bad");
    expect(transferTime("明天", TZ)).toBe("bad");
    expect(transferTime("  ", TZ)).toBeNull();
  });
});

describe("a transferred row", () => {
  it("names every problem of a row", () => {
    const cells: Record<string, string> = { 时限: "2026-12-01 10:00", 受理: "2027-01-01 00:00" };
    expect(readTransferRow((c) => cells[c], mapping, TZ, now)).toEqual({
      ok: false,
      externalNo: null,
      reasons: [
        "missing_external_no",
        "missing_description",
        "deadline_passed",
        "bad_received_time",
        "missing_caller_phone",
      ],
    });
  });

  it("takes a whole row, its subject cut from the text when the hotline gives none", () => {
    const cells: Record<string, string> = {
      编号: " GD1 ",
      时限: "2026-12-09 17:30",
      内容: "路灯不亮".repeat(20),
      电话: "13900000000",
    };
    const reading = readTransferRow((c) => cells[c], mapping, TZ, now);
    expect(reading.ok && reading.order).toMatchObject({
      externalNo: "GD1",
      externalDueAt: new Date("2026-12-09T09:30:00Z"),
      receivedAt: null,
      subject: "路灯不亮".repeat(15),
    });
  });
});

describe("CSV", () => {
  it("keeps quoted commas, quotes and line breaks, drops a BOM and blank lines", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x,1","say ""hi""\nok"\r\n\r\n')).toEqual([
      ["a", "b"],
      ["x,1", 'say "hi"\nok'],
    ]);
  });
});

describe("the reply-back", () => {
  it("keeps the hotline's columns and adds ours under its names or our defaults", () => {
    expect(replyBackHeaders({ ...mapping, result: "处理结果" })).toEqual([
      "编号",
      "受理",
      "时限",
      "内容",
      "电话",
      "处理结果",
      "核实情况",
      "满意度",
    ]);
  });

  it("writes the finding as one sentence", () => {
    const c = {
      substantiated: false,
      responsibility: "customer",
      findingNote: "表计无误",
    } as const;
    expect(findingText(c as never)).toBe("不属实；客户原因；表计无误");
  });
});
