import type { SelectOption } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import { formText } from '../../i18n/form-text';
import type { WidgetProps } from './widget-props';
import { controlProps } from './widget-props';

/** Single choice as a dropdown or a radio group. */
export function SelectWidget(p: WidgetProps & { options: readonly SelectOption[]; radio?: boolean }) {
  const current = typeof p.value === 'string' ? p.value : '';
  if (p.radio) {
    return (
      <div className="lf-radio-group" role="radiogroup" id={p.inputId} aria-invalid={p.invalid}>
        {p.options.map((o) => (
          <label key={o.value} className={`lf-radio${current === o.value ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name={`${p.inputId}-radio`}
              value={o.value}
              checked={current === o.value}
              disabled={p.readonly}
              onChange={() => p.onChange(o.value)}
            />
            <span>{pickText(o.label, p.locale)}</span>
          </label>
        ))}
      </div>
    );
  }
  return (
    <select
      {...controlProps(p)}
      className="lf-input lf-select"
      value={current}
      onChange={(e) => p.onChange(e.target.value === '' ? null : e.target.value)}
    >
      <option value="">{formText('select', p.locale)}</option>
      {p.options.map((o) => (
        <option key={o.value} value={o.value}>
          {pickText(o.label, p.locale)}
        </option>
      ))}
    </select>
  );
}
