import { formText } from '../../i18n/form-text';
import type { WidgetProps } from './widget-props';

/** Star rating 1..max; clicking the current star clears it. Arrow keys work through the radio group. */
export function RatingWidget(p: WidgetProps) {
  const max = p.field.type === 'rating' ? (p.field.max ?? 5) : 5;
  const current = typeof p.value === 'number' ? p.value : 0;
  return (
    <div className="lf-rating" id={p.inputId} role="radiogroup" aria-invalid={p.invalid}>
      {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={n === current}
          aria-label={formText('stars', p.locale, n)}
          className={`lf-star${n <= current ? ' is-on' : ''}`}
          disabled={p.readonly}
          onClick={() => p.onChange(n === current ? null : n)}
        >
          ★
        </button>
      ))}
    </div>
  );
}
