import type { SelectOption } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import type { WidgetProps } from './widget-props';

/** Toggles `value` in a string list, keeping the options' order. */
export function toggleInList(list: readonly string[], value: string, order: readonly string[]): string[] {
  const set = new Set(list);
  if (set.has(value)) set.delete(value);
  else set.add(value);
  return order.filter((v) => set.has(v)).concat([...set].filter((v) => !order.includes(v)));
}

/** Multiple choice as checkbox chips. */
export function MultiSelectWidget(p: WidgetProps & { options: readonly SelectOption[] }) {
  const selected = Array.isArray(p.value) ? (p.value as string[]) : [];
  const order = p.options.map((o) => o.value);
  return (
    <div className="lf-chips" id={p.inputId} role="group" aria-invalid={p.invalid}>
      {p.options.map((o) => {
        const on = selected.includes(o.value);
        return (
          <label
            key={o.value}
            className={`lf-chip${on ? ' is-on' : ''}`}
            style={o.color ? { borderColor: o.color } : undefined}
          >
            <input
              type="checkbox"
              checked={on}
              disabled={p.readonly}
              onChange={() => {
                const next = toggleInList(selected, o.value, order);
                p.onChange(next.length === 0 ? null : next);
              }}
            />
            <span>{pickText(o.label, p.locale)}</span>
          </label>
        );
      })}
    </div>
  );
}
