import { formText } from '../../i18n/form-text';
import { formatDisplayValue } from '../format-display-value';
import type { WidgetProps } from './widget-props';

/** Display-only value: formula, rollup and autonumber fields, and items with widget `readonly`. */
export function ReadonlyWidget(p: WidgetProps) {
  const text = formatDisplayValue(p.field, p.value, p.locale);
  const hint =
    p.field.type === 'autonumber'
      ? formText('autoAssigned', p.locale)
      : p.field.type === 'formula' || p.field.type === 'rollup'
        ? formText('computed', p.locale)
        : '';
  return (
    <output
      id={p.inputId}
      className={`lf-readonly${text ? '' : ' is-empty'}`}
      aria-describedby={`${p.inputId}-msg`}
    >
      {text || hint || '—'}
    </output>
  );
}
