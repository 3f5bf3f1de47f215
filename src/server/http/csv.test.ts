import { describe, expect, it } from "vitest";
import { csvField, csvRow, UTF8_BOM } from "./csv.js";

describe("csvField", () => {
  it("leaves plain text, Chinese and numbers alone", () => {
    expect(csvField("信用卡未收到")).toBe("信用卡未收到");
    expect(csvField(3)).toBe("3");
    expect(csvField(false)).toBe("false");
  });

  it("writes null and undefined as empty fields", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvField("王某, 李某")).toBe('"王某, 李某"');
    expect(csvField('他说"不知道"')).toBe('"他说""不知道"""');
    expect(csvField("第一行\n第二行")).toBe('"第一行\n第二行"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+86 138")).toBe("'+86 138");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-1")).toBe("'-1");
  });

  it("does not touch numbers, which cannot carry a formula", () => {
    expect(csvField(-1)).toBe("-1");
  });
});

describe("csvRow", () => {
  it("joins fields with commas and ends with CRLF", () => {
    expect(csvRow(["KS1", null, "a,b", 2])).toBe('KS1,,"a,b",2\r\n');
  });

  it("exposes the UTF-8 byte order mark Excel needs", () => {
    expect(Buffer.from(UTF8_BOM, "utf8")).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
