import type { Field, FormItem, Locale } from '@lattice/engine';
import type { FormServices } from '../form-services';

/** What every widget receives. Widgets are controlled: they show `value` and report edits via onChange. */
export interface WidgetProps<F extends Field = Field> {
  field: F;
  item: FormItem;
  value: unknown;
  onChange: (value: unknown) => void;
  readonly: boolean;
  invalid: boolean;
  locale: Locale;
  /** id of the main input, so the label's htmlFor points at it. */
  inputId: string;
  services: FormServices;
}

/** Props every native control shares: id, a11y state and the disabled flag. */
export function controlProps(p: WidgetProps): {
  id: string;
  disabled: boolean;
  'aria-invalid': boolean;
  'aria-describedby': string;
} {
  return {
    id: p.inputId,
    disabled: p.readonly,
    'aria-invalid': p.invalid,
    'aria-describedby': `${p.inputId}-msg`,
  };
}
