import type { Locale } from "../http/locale.js";

// The survey's own small page, served by kesu without any script: a mail or SMS link opens it on
// any phone, and opening it (as a mail scanner does) only shows the form.

const words = {
  "zh-CN": {
    title: "满意度评价",
    intro: "请评价我们对投诉 {number} 的处理：",
    satisfied: "满意",
    basically_satisfied: "基本满意",
    dissatisfied: "不满意",
    comment: "意见（选填）",
    send: "提交评价",
    thanks: "感谢您的评价！",
    answered: "该评价已提交过，感谢您的反馈。",
    missing: "评价链接无效。",
  },
  en: {
    title: "How did we do?",
    intro: "Please rate how we handled complaint {number}:",
    satisfied: "Satisfied",
    basically_satisfied: "Mostly satisfied",
    dissatisfied: "Dissatisfied",
    comment: "Comments (optional)",
    send: "Send",
    thanks: "Thank you for your answer!",
    answered: "This survey was already answered; thank you.",
    missing: "This survey link is not valid.",
  },
} as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const page = (locale: Locale, body: string) => `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${words[locale].title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:16px;max-width:32rem;margin:auto}
label{display:block;padding:10px;border:1px solid #ccc;border-radius:8px;margin:8px 0}
textarea{width:100%;box-sizing:border-box;min-height:5rem}
button{width:100%;padding:12px;font-size:1rem;background:#1677ff;color:#fff;border:0;border-radius:8px}</style>
</head><body><h1>${words[locale].title}</h1>${body}</body></html>`;

export type SurveyPageState = "form" | "thanks" | "answered" | "missing";

export function surveyPage(locale: Locale, state: SurveyPageState, number = ""): string {
  const w = words[locale];
  if (state !== "form") return page(locale, `<p>${w[state]}</p>`);
  const choices = (["satisfied", "basically_satisfied", "dissatisfied"] as const)
    .map(
      (level) =>
        `<label><input type="radio" name="satisfaction" value="${level}" required> ${w[level]}</label>`,
    )
    .join("");
  return page(
    locale,
    `<form method="post"><p>${escapeHtml(w.intro.replace("{number}", number))}</p>${choices}
<p><label>${w.comment}<textarea name="comment" maxlength="2000"></textarea></label></p>
<button type="submit">${w.send}</button></form>`,
  );
}
