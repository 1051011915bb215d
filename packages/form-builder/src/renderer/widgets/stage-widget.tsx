import type { StageField } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import type { WidgetProps } from './widget-props';

/**
 * Stages a record may move to from `from`: itself, plus the field's allowed transitions (any stage when
 * the field declares none, or when the record has no stage yet).
 */
export function allowedStages(field: StageField, from: string | null): Set<string> {
  const all = field.stages.map((s) => s.value);
  if (from === null || !field.transitions) return new Set(all);
  return new Set([from, ...(field.transitions[from] ?? [])]);
}

/** A clickable step bar; steps the stored stage may not move to are disabled. */
export function StageWidget(p: WidgetProps<StageField>) {
  const current = typeof p.value === 'string' ? p.value : null;
  const stored = p.services.existing?.[p.field.name];
  const from = typeof stored === 'string' ? stored : null;
  const allowed = allowedStages(p.field, from);
  const reached = p.field.stages.findIndex((s) => s.value === current);
  return (
    <ol className="lf-stages" id={p.inputId} aria-invalid={p.invalid}>
      {p.field.stages.map((s, i) => {
        const state = s.value === current ? 'is-current' : i < reached ? 'is-done' : '';
        return (
          <li key={s.value} className={`lf-stage ${state}`}>
            <button
              type="button"
              disabled={p.readonly || !allowed.has(s.value)}
              aria-current={s.value === current ? 'step' : undefined}
              onClick={() => p.onChange(s.value)}
              style={s.color && s.value === current ? { background: s.color } : undefined}
            >
              {pickText(s.label, p.locale)}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
