import type { Locale, SelectOption } from '@lattice/engine';
import { designerText } from './designer-text';

/** Edits select/multiselect options: value + zh/en label per row, add and remove. */
export function OptionsEditor(p: {
  options: readonly SelectOption[];
  onChange: (o: SelectOption[]) => void;
  locale: Locale;
}) {
  const set = (i: number, patch: Partial<SelectOption>) =>
    p.onChange(p.options.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <fieldset data-prop="options">
      <legend>{designerText('options', p.locale)}</legend>
      {p.options.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the value is being edited, so it cannot be the key
        <div className="lf-row" key={i}>
          <input
            className="lf-input"
            aria-label={designerText('optionValue', p.locale)}
            value={o.value}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          <input
            className="lf-input"
            aria-label={designerText('labelZh', p.locale)}
            value={o.label.zh}
            onChange={(e) => set(i, { label: { ...o.label, zh: e.target.value } })}
          />
          <input
            className="lf-input"
            aria-label={designerText('labelEn', p.locale)}
            value={o.label.en}
            onChange={(e) => set(i, { label: { ...o.label, en: e.target.value } })}
          />
          <button
            type="button"
            className="lf-link is-danger"
            style={{ flex: 'none' }}
            aria-label={designerText('remove', p.locale)}
            onClick={() => p.onChange(p.options.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="lf-link"
        onClick={() => {
          const n = p.options.length + 1;
          p.onChange([...p.options, { value: `option_${n}`, label: { zh: `选项${n}`, en: `Option ${n}` } }]);
        }}
      >
        + {designerText('addOption', p.locale)}
      </button>
    </fieldset>
  );
}
