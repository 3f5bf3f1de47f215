import { describe, expect, it } from "vitest";
import { maskAccountNo, maskIdNumber, maskPhone } from "./masking.js";
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
