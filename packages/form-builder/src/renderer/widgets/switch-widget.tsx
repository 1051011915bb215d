import { formText } from '../../i18n/form-text';
import type { WidgetProps } from './widget-props';
import { controlProps } from './widget-props';

/** Boolean as a switch (role="switch") or a plain checkbox. */
export function SwitchWidget(p: WidgetProps & { checkbox?: boolean }) {
  const on = p.value === true;
  if (p.checkbox) {
    return (
      <label className="lf-check">
        <input
          {...controlProps(p)}
          type="checkbox"
          checked={on}
          onChange={(e) => p.onChange(e.target.checked)}
        />
        <span>{formText(on ? 'yes' : 'no', p.locale)}</span>
      </label>
    );
  }
  return (
    <button
      {...controlProps(p)}
      type="button"
      role="switch"
      aria-checked={on}
      className={`lf-switch${on ? ' is-on' : ''}`}
      onClick={() => p.onChange(!on)}
    >
      <span className="lf-switch-knob" />
      <span className="lf-switch-text">{formText(on ? 'yes' : 'no', p.locale)}</span>
    </button>
  );
}
