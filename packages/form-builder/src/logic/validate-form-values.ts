import type { EntityDoc, ErrorDetail, FormDoc } from '@lattice/engine';
import { coerceRecordInput } from '@lattice/engine';
import { formMessage } from '../i18n/form-text';
import type { FormState, LogicContext } from './evaluate-form-state';
import { evaluateFormState } from './evaluate-form-state';
import { fieldByName, isEmptyValue } from './form-items';

/** Options of {@link validateFormValues}. */
export interface ValidateFormOptions extends LogicContext {
  /** The stored record when editing (update rules: stage transitions, required only when cleared). */
  existing?: Record<string, unknown>;
  /** Clock for `now`/`today` in validations. */
  now?: () => Date;
}

/**
 * Client-side validation with exactly the server's rules — the engine's `coerceRecordInput` over the
 * values of the form's visible, editable items — plus the form's own `requiredWhen`. Errors for
 * fields the user cannot see or edit are dropped (the server reports those). Returns one ErrorDetail per
 * failing field in form order, `path` = field name, the shape the server returns, so both kinds of
 * error land on the same widget.
 *
 * @example
 * const errors = validateFormValues(entity, form, values, { existing: record });
 * if (errors.length === 0) await save(values);
 */
export function validateFormValues(
  entity: EntityDoc,
  form: FormDoc,
  values: Record<string, unknown>,
  opts: ValidateFormOptions = {},
  state: FormState = evaluateFormState(entity, form, values, opts),
): ErrorDetail[] {
  const order: string[] = [];
  const onForm = new Set<string>();
  const requiredByForm = new Set<string>();
  for (const section of form.sections) {
    for (const item of section.items) {
      const st = state.items[item.id];
      if (!st?.visible || st.readonly || onForm.has(item.field)) continue;
      if (!fieldByName(entity, item.field)) continue;
      order.push(item.field);
      onForm.add(item.field);
      if (st.required) requiredByForm.add(item.field);
    }
  }
  const input: Record<string, unknown> = {};
  for (const name of order) if (values[name] !== undefined) input[name] = values[name];
  const { errors } = coerceRecordInput(entity, input, {
    mode: opts.existing ? 'update' : 'create',
    existing: opts.existing,
    now: opts.now,
  });
  const byField = new Map<string, ErrorDetail>();
  for (const e of errors) if (onForm.has(e.path) && !byField.has(e.path)) byField.set(e.path, e);
  for (const name of requiredByForm) {
    if (!byField.has(name) && isEmptyValue(values[name]))
      byField.set(name, { path: name, message: formMessage('required'), reason: 'LATTICE_ERR_REQUIRED' });
  }
  return order.flatMap((name) => byField.get(name) ?? []);
}
