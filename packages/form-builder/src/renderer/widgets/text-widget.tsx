import { pickText } from '@lattice/engine';
import type { WidgetProps } from './widget-props';
import { controlProps } from './widget-props';

const INPUT_TYPES: Record<string, string> = { email: 'email', phone: 'tel', url: 'url' };

/** Single-line input (text/email/phone/url with the matching input type) or a textarea. */
export function TextWidget(p: WidgetProps & { multiline?: boolean }) {
  const text =
    typeof p.value === 'string' ? p.value : p.value === null || p.value === undefined ? '' : String(p.value);
  const placeholder = pickText(p.item.placeholder, p.locale);
  const emit = (v: string) => p.onChange(v === '' ? null : v);
  if (p.multiline) {
    return (
      <textarea
        {...controlProps(p)}
        className="lf-input lf-textarea"
        rows={4}
        value={text}
        placeholder={placeholder}
        onChange={(e) => emit(e.target.value)}
      />
    );
  }
  return (
    <input
      {...controlProps(p)}
      className="lf-input"
      type={INPUT_TYPES[p.field.type] ?? 'text'}
      inputMode={p.field.type === 'phone' ? 'tel' : undefined}
      value={text}
      placeholder={placeholder}
      onChange={(e) => emit(e.target.value)}
    />
  );
}
