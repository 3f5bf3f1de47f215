export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];

/** zh-CN unless the caller's first language preference is English. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  const first = acceptLanguage?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}
