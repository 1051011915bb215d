import { setLocale, useLocale } from '../lib/i18n';
import { t } from '../lib/ui-text';

/** zh-CN / English toggle; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const locale = useLocale();
  return (
    <div className="rt-lang" role="group" aria-label={t('language')}>
      {(['zh-CN', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          data-lang={l}
          aria-pressed={locale === l}
          className={locale === l ? 'active' : ''}
          onClick={() => setLocale(l)}
        >
          {l === 'zh-CN' ? '中文' : 'EN'}
        </button>
      ))}
    </div>
  );
}
