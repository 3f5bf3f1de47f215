// Times and amounts as the workbench shows them, in the reader's language. Apart from i18n.ts so
// a page without dates (the login page) loads no dayjs; the signed-in frame imports this module,
// so dayjs speaks the reader's language before any screen (or antd's date picker) uses it.
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { i18n } from "./i18n";

const dayjsLocale = (language: string) => (language === "en" ? "en" : "zh-cn");
dayjs.locale(dayjsLocale(i18n.language));
i18n.on("languageChanged", (language) => dayjs.locale(dayjsLocale(language)));

export function formatTime(at: string | null | undefined) {
  return at ? dayjs(at).format("YYYY-MM-DD HH:mm") : "—";
}

export function formatAmount(amount: string | null | undefined) {
  if (amount == null) return "—";
  return new Intl.NumberFormat(i18n.language, { style: "currency", currency: "CNY" }).format(
    Number(amount),
  );
}
