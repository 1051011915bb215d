import { setLocale, useLocale } from '../lib/i18n';

/** 中文 | English toggle; the choice is kept in localStorage (shared with the runtime UI). */
export function LanguageSwitch() {
  const locale = useLocale();
  return (
    <span className="st-lang" data-testid="lang-switch">
      <button type="button" aria-pressed={locale === 'zh-CN'} onClick={() => setLocale('zh-CN')}>
        中文
      </button>
      <button type="button" aria-pressed={locale === 'en'} onClick={() => setLocale('en')}>
        English
      </button>
    </span>
  );
}
