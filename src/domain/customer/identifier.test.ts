import { describe, expect, it } from "vitest";
import { isIdNumber, readIdentifier } from "./identifier.js";

const kinds = (input: string) => readIdentifier(input).map((r) => r.kind);

describe("reading what the agent typed in the intake box", () => {
  it("takes a case number for a case, in either letter case", () => {
    expect(readIdentifier("ks20261123-000042")).toEqual([
      { kind: "complaint_number", value: "KS20261123-000042" },
    ]);
    expect(readIdentifier("8D-2026-0001")).toEqual([
      { kind: "quality_case_number", value: "8D-2026-0001" },
    ]);
  });

  it("takes a valid ID number for one, its check letter upper-cased", () => {
    expect(readIdentifier("11010519491231002x")).toEqual([
      { kind: "id_number", value: "11010519491231002X" },
    ]);
  });

  it("also tries an all-digit ID number as a card, since an 18-digit card may pass the check", () => {
    expect(kinds("440524198001010013")).toEqual(["id_number", "account"]);
  });

  it("takes a mistyped ID number (wrong check digit) for an account, not an ID", () => {
    expect(kinds("110105194912310021")).toEqual(["account", "external_number"]);
  });

  it("tries a mobile number as a phone, and as an account too when written bare (meters have 11 digits)", () => {
    expect(readIdentifier("+86 138-0013-8000")).toEqual([
      { kind: "phone", value: "13800138000" },
      { kind: "external_number", value: "+86 138-0013-8000" },
    ]);
    expect(kinds("13800138000")).toEqual(["phone", "account", "external_number"]);
  });

  it("takes a long meter or card number for an account only: it is too long for a phone", () => {
    expect(kinds("3100 2045 6789 01")).toEqual(["account", "external_number"]);
    expect(readIdentifier("6222-0212-3456-7890-123")[0]).toEqual({
      kind: "account",
      value: "6222-0212-3456-7890-123",
    });
  });

  it("takes letters and digits for an account or an upper-level hotline's own number", () => {
    expect(kinds("GD12345-2026-0099")).toEqual(["account", "external_number"]);
  });

  it("takes an address with @ for an email, lower-cased", () => {
    expect(readIdentifier("Zhang.Wei@Example.com")).toEqual([
      { kind: "email", value: "zhang.wei@example.com" },
    ]);
  });

  it("takes Chinese text for a name", () => {
    expect(readIdentifier(" 张伟 ")).toEqual([{ kind: "name", value: "张伟" }]);
  });

  it("reads nothing from blank input", () => {
    expect(readIdentifier("   ")).toEqual([]);
  });
});

describe("resident ID numbers (GB 11643)", () => {
  it.each([
    ["11010519491231002X", true],
    ["440524198001010013", true],
    ["110105194912310021", false], // check digit wrong
    ["110105194902300026", false], // 30 February
    ["11010519491231002", false], // 17 characters
  ])("%s is valid: %s", (value, valid) => {
    expect(isIdNumber(value)).toBe(valid);
  });
});
