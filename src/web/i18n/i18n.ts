import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import relativeTime from "dayjs/plugin/relativeTime";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { LANGUAGE_KEY, type Language, storedLanguage } from "./stored-language";
import { zhCN } from "./zh-cn";

dayjs.extend(relativeTime);

export type { Language };

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: "zh-CN",
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  interpolation: { escapeValue: false },
});
dayjs.locale(i18n.language === "en" ? "en" : "zh-cn");

export async function switchLanguage(language: Language) {
  localStorage.setItem(LANGUAGE_KEY, language);
  dayjs.locale(language === "en" ? "en" : "zh-cn");
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export function formatTime(at: string | null | undefined) {
  return at ? dayjs(at).format("YYYY-MM-DD HH:mm") : "—";
}

export function formatAmount(amount: string | null | undefined) {
  if (amount == null) return "—";
  return new Intl.NumberFormat(i18n.language, { style: "currency", currency: "CNY" }).format(
    Number(amount),
  );
}
