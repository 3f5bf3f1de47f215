import { describe, expect, it } from "vitest";
import {
  maskAccountNo,
  maskIdentifiersDeep,
  maskIdentifiersInText,
  maskIdNumber,
  maskPhone,
} from "./masking.js";
import { isPlausiblePhone, normalisePhone } from "./phone.js";

describe("phone numbers", () => {
  it.each([
    ["13800138000", "13800138000"],
    ["+86 138-0013-8000", "13800138000"],
    ["008613800138000", "13800138000"],
    ["8613800138000", "13800138000"],
    ["010-8888 6666", "01088886666"],
    ["95598", "95598"],
  ])("normalises %s to %s", (raw, expected) => {
    expect(normalisePhone(raw)).toBe(expected);
  });

  it("accepts mobiles and landlines, refuses junk", () => {
    expect(isPlausiblePhone("13800138000")).toBe(true);
    expect(isPlausiblePhone("01088886666")).toBe(true);
    expect(isPlausiblePhone("12")).toBe(false);
    expect(isPlausiblePhone("1234567890123456")).toBe(false);
  });
});

describe("masking personal data", () => {
  it("masks a mobile number as 138****8000", () => {
    expect(maskPhone("13800138000")).toBe("138****8000");
  });
  it("masks an ID card number keeping its length", () => {
    expect(maskIdNumber("110101199003071234")).toBe("110***********1234");
  });
  it("shows only the last four digits of an account", () => {
    expect(maskAccountNo("6222020200112233")).toBe("************2233");
  });
  it("masks short values entirely", () => {
    expect(maskAccountNo("123")).toBe("***");
    expect(maskIdNumber("1234")).toBe("****");
  });
});

describe("identifiers written into free text", () => {
  it.each([
    ["客户手机13800138000，请回电", "客户手机138****8000，请回电"],
    ["电话 138 0013 8000 或 138-0013-8001", "电话 138 **** 8000 或 138-****-8001"],
    ["身份证11010119900307123X", "身份证110***********123X"],
    ["卡号6222 0212 3456 7890 被盗刷", "卡号**** **** **** 7890 被盗刷"],
    ["固话010-88886666", "固话***-****6666"],
    ["电表号 3301234567 读数异常", "电表号 ******4567 读数异常"],
  ])("masks %s", (text, masked) => {
    expect(maskIdentifiersInText(text)).toBe(masked);
  });

  it.each([
    "与KS20261123-000042合并",
    "8D-2026-0001 的围堵措施",
    "要求赔偿10000元，2026-11-23 到期",
    "第123456号文件",
    "共 123 456 笔",
  ])("leaves numbers that identify no person alone: %s", (text) => {
    expect(maskIdentifiersInText(text)).toBe(text);
  });

  it("masks every string inside event data but keeps record ids", () => {
    const id = "12345678-1234-4234-8234-123456789012";
    expect(
      maskIdentifiersDeep({
        text: "回拨13800138000",
        ownerId: id,
        list: [{ note: "13900139000" }],
        n: 13800138000,
      }),
    ).toEqual({
      text: "回拨138****8000",
      ownerId: id,
      list: [{ note: "139****9000" }],
      n: 13800138000,
    });
  });
});
