import type { Locale } from "antd/es/locale";
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { LANGUAGE_KEY, type Language, storedLanguage } from "./stored-language";
import { zhCN } from "./zh-cn";

export type { Language };

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: "zh-CN",
  // English is fetched only by those who read it (./en and its parts are about 12 KB gzipped).
  resources: { "zh-CN": { translation: zhCN } },
  interpolation: { escapeValue: false },
});

let antdEnglish: Locale | undefined;

function loadEnglish() {
  return Promise.all([import("./en"), import("antd/es/locale/en_US")]).then(([{ en }, antd]) => {
    antdEnglish = antd.default;
    if (!i18n.hasResourceBundle("en", "translation"))
      i18n.addResourceBundle("en", "translation", en);
  });
}

/** antd's own texts (pickers, pagination) in English once they are in; Chinese otherwise. */
export function antdLocale(): Locale | undefined {
  return i18n.language === "en" ? antdEnglish : undefined;
}

/** Resolves when the stored language's texts are in, before the app first renders. */
export const i18nReady: Promise<void> = i18n.language === "en" ? loadEnglish() : Promise.resolve();

export async function switchLanguage(language: Language) {
  if (language === "en") await loadEnglish();
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}
