import type { I18nText, Locale } from '@lattice/engine';
import type { DesignerTextKey } from './designer-text';
import { designerText } from './designer-text';

/** Two inputs (zh, en) for one I18nText; clearing both reports undefined. */
export function I18nTextInputs(p: {
  value: I18nText | undefined;
  onChange: (v: I18nText | undefined) => void;
  zhKey: DesignerTextKey;
  enKey: DesignerTextKey;
  locale: Locale;
  placeholder?: I18nText;
  name: string;
}) {
  const v = p.value ?? { zh: '', en: '' };
  const set = (patch: Partial<I18nText>) => {
    const next = { ...v, ...patch };
    p.onChange(next.zh === '' && next.en === '' ? undefined : next);
  };
  return (
    <>
      <label className="lf-prop">
        {designerText(p.zhKey, p.locale)}
        <input
          className="lf-input"
          data-prop={`${p.name}.zh`}
          value={v.zh}
          placeholder={p.placeholder?.zh}
          onChange={(e) => set({ zh: e.target.value })}
        />
      </label>
      <label className="lf-prop">
        {designerText(p.enKey, p.locale)}
        <input
          className="lf-input"
          data-prop={`${p.name}.en`}
          value={v.en}
          placeholder={p.placeholder?.en}
          onChange={(e) => set({ en: e.target.value })}
        />
      </label>
    </>
  );
}
