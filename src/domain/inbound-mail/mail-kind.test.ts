import { describe, expect, it } from "vitest";
import { caseNumberIn, type MailFacts, mailKind, ownMailHeaders } from "./mail-kind.js";

const mail = (
  headers: Record<string, string>,
  from: string | null = "li@example.cn",
  contentType = "text/plain",
): MailFacts => ({
  header: (name) =>
    Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1],
  from,
  contentType,
});

describe("what an arriving mail is", () => {
  it("is a customer's when nothing marks it as automatic", () => {
    expect(mailKind(mail({ "Auto-Submitted": "no", Precedence: "normal" }))).toBe("customer");
  });

  it.each([
    [{ "Auto-Submitted": "auto-replied" }],
    [{ "Auto-Submitted": "auto-generated" }],
    [{ "X-Autoreply": "yes" }],
    [{ "X-Autorespond": "on" }],
    [{ Precedence: "bulk" }],
    [{ Precedence: "auto_reply" }],
    [{ Precedence: "junk" }],
  ])("is an auto-reply with %o", (headers) => {
    expect(mailKind(mail(headers))).toBe("auto_reply");
  });

  it("is a bounce from a mailer daemon, as a delivery report, with an empty return path or failed recipients", () => {
    expect(mailKind(mail({}, "MAILER-DAEMON@mx.example.cn"))).toBe("bounce");
    expect(mailKind(mail({}, "postmaster@mx.example.cn"))).toBe("bounce");
    expect(mailKind(mail({}, "li@example.cn", "multipart/report"))).toBe("bounce");
    expect(mailKind(mail({ "Return-Path": "<>" }))).toBe("bounce");
    expect(mailKind(mail({ "X-Failed-Recipients": "a@b.c" }))).toBe("bounce");
    expect(mailKind(mail({}, null))).toBe("bounce");
  });

  it("knows kesu's own mail, whatever else it says", () => {
    expect(mailKind(mail({ ...ownMailHeaders }))).toBe("own_mail");
  });
});

describe("the case a mail names", () => {
  it("is found in the subject or the thread ids, in any letter case", () => {
    expect(caseNumberIn("Re: 投诉 ks20261207-000042 进展")).toBe("KS20261207-000042");
    expect(caseNumberIn("回复", "<KS20261207-1000001.abc@kesu>")).toBe("KS20261207-1000001");
    expect(caseNumberIn("KS2026-1", undefined, null)).toBeNull();
  });
});
