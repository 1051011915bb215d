/** A label in both UI languages. zh-CN is the primary language; en is the fallback for APIs and logs. */
export interface I18nText {
  zh: string;
  en: string;
}

/** Supported UI languages. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Picks the text for a locale; zh-CN is the default. */
export function pickText(text: I18nText | undefined, locale: Locale = 'zh-CN'): string {
  if (!text) return '';
  return locale === 'en' ? text.en || text.zh : text.zh || text.en;
}
