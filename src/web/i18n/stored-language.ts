export type Language = "zh-CN" | "en";
export const LANGUAGE_KEY = "kesu.language";

/**
 * Chinese first; the choice is per browser, since only admins may edit a user record. Its own
 * module because the first requests of a page load carry it before i18next is even loaded.
 */
export function storedLanguage(): Language {
  return localStorage.getItem(LANGUAGE_KEY) === "en" ? "en" : "zh-CN";
}
