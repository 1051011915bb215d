import { pickText } from '@lattice/engine';
import { useState } from 'react';
import { formatNumber, parseNumberInput } from './parse-number-input';
import type { WidgetProps } from './widget-props';
import { controlProps } from './widget-props';

type NumberKind = 'number' | 'integer' | 'currency' | 'percent';

/**
 * Numeric input for number/integer/currency/percent. While focused it shows the raw number; on blur it
 * formats (`¥1,234.50`, `12.5%`). Typed text that is not a number is kept as a string so the field
 * shows a validation error rather than losing the input.
 */
export function NumberWidget(p: WidgetProps & { kind: NumberKind }) {
  const [draft, setDraft] = useState<string | null>(null);
  const precision = p.field.type === 'number' ? p.field.precision : undefined;
  const shown =
    draft ??
    (typeof p.value === 'number'
      ? formatNumber(p.value, p.kind, precision)
      : typeof p.value === 'string'
        ? p.value
        : '');
  const prefix = p.kind === 'currency' ? '¥' : null;
  return (
    <div className={`lf-affix${prefix ? ' has-prefix' : ''}`}>
      <input
        {...controlProps(p)}
        className="lf-input lf-number"
        type="text"
        inputMode={p.kind === 'integer' ? 'numeric' : 'decimal'}
        value={shown}
        placeholder={pickText(p.item.placeholder, p.locale)}
        onFocus={() =>
          setDraft(typeof p.value === 'number' ? String(p.value) : typeof p.value === 'string' ? p.value : '')
        }
        onBlur={() => setDraft(null)}
        onChange={(e) => {
          setDraft(e.target.value);
          p.onChange(parseNumberInput(e.target.value));
        }}
      />
    </div>
  );
}
