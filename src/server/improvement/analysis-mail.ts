import type { Locale } from "../http/locale.js";
import type { MonthlyAnalysis } from "./monthly-analysis.js";

const texts: Record<Locale, { subject: string; body: string }> = {
  "zh-CN": {
    subject: "【月度投诉分析】{month}",
    body: "{name}，您好：\n\n{month} 的月度投诉分析已生成，详见附件 PDF。\n受理量 {accepted} 件；主要原因：{causes}。\n整改措施：进行中 {open} 项，待验证 {done} 项，已验证 {verified} 项，逾期 {overdue} 项。\n\n—— kesu 客诉管理系统",
  },
  en: {
    subject: "[Monthly complaint analysis] {month}",
    body: "Hello {name},\n\nThe complaint analysis of {month} is attached as a PDF.\n{accepted} complaints accepted; top causes: {causes}.\nImprovement actions: {open} in progress, {done} to verify, {verified} verified, {overdue} overdue.\n\n— kesu complaint management",
  },
};

/** The mail that carries a month's analysis, written whole in the recipient's language. */
export function analysisMail(a: MonthlyAnalysis, name: string, locale: Locale) {
  const accepted = a.kpis.find((k) => k.id === "accepted")?.value ?? 0;
  const causes =
    a.causes
      .slice(0, 3)
      .map((c) => `${locale === "en" ? c.label.en : c.label.zh} ${c.count}`)
      .join(locale === "en" ? ", " : "、") || "—";
  const values: Record<string, unknown> = {
    month: a.month,
    name,
    accepted,
    causes,
    ...a.actions.tally,
  };
  const fill = (t: string) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
  return { subject: fill(texts[locale].subject), text: fill(texts[locale].body) };
}
