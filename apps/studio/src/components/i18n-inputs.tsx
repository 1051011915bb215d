import type { I18nText } from '@lattice/engine';
import { t } from '../lib/studio-text';
import { ErrorText } from './error-text';

/** zh + en inputs for one I18nText (`data-prop="<name>.zh|en"`), each with its server error. */
export function I18nInputs(p: {
  name: string;
  value: I18nText | undefined;
  onChange: (v: I18nText) => void;
  errors?: Readonly<Record<string, string>>;
  zhLabel?: string;
  enLabel?: string;
}) {
  const v = p.value ?? { zh: '', en: '' };
  return (
    <div className="st-row" style={{ alignItems: 'flex-start' }}>
      {(['zh', 'en'] as const).map((lang) => {
        const path = `${p.name}.${lang}`;
        const err = p.errors?.[path] ?? p.errors?.[p.name];
        return (
          <label key={lang} className="st-field" style={{ flex: 1, minWidth: 120 }}>
            {lang === 'zh' ? (p.zhLabel ?? t('labelZh')) : (p.enLabel ?? t('labelEn'))}
            <input
              className={`lt-input${err ? ' st-input-error' : ''}`}
              data-prop={path}
              value={v[lang]}
              onChange={(e) => p.onChange({ ...v, [lang]: e.target.value })}
            />
            <ErrorText message={err} path={path} />
          </label>
        );
      })}
    </div>
  );
}
