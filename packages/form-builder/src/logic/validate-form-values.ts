import type { EntityDoc, ErrorDetail, FormDoc } from '@lattice/engine';
import { formMessage } from '../i18n/form-text';
import { checkFieldValue } from './check-field-value';
import type { FormState, LogicContext } from './evaluate-form-state';
import { evaluateFormState, logicData } from './evaluate-form-state';
import { compileLogic, isTruthy } from './evaluate-logic';
import { fieldByName, isEmptyValue } from './form-items';

/**
 * Client-side validation with the server's rules: required (including `requiredWhen`), type and
 * constraint checks per field type, and the field's JsonLogic `validations`. Hidden and read-only items
 * are skipped (the user cannot fix them). Returns one ErrorDetail per failing field, `path` = field name,
 * the same shape the server returns, so both kinds of error land on the same widget.
 *
 * @example
 * const errors = validateFormValues(entity, form, values);
 * if (errors.length === 0) await save(values);
 */
export function validateFormValues(
  entity: EntityDoc,
  form: FormDoc,
  values: Record<string, unknown>,
  ctx: LogicContext = {},
  state: FormState = evaluateFormState(entity, form, values, ctx),
): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  const data = logicData(values, ctx);
  for (const section of form.sections) {
    for (const item of section.items) {
      const st = state.items[item.id];
      if (!st?.visible || st.readonly || seen.has(item.field)) continue;
      seen.add(item.field);
      const field = fieldByName(entity, item.field);
      if (!field) continue;
      const value = values[item.field];
      if (isEmptyValue(value)) {
        if (st.required)
          errors.push({ path: item.field, message: formMessage('required'), reason: 'required' });
        continue;
      }
      const problem = checkFieldValue(field, value);
      if (problem) {
        errors.push({ path: item.field, message: problem, reason: 'type' });
        continue;
      }
      const failed = field.validations?.find((v) => !isTruthy(compileLogic(v.rule)(data)));
      if (failed) errors.push({ path: item.field, message: failed.message, reason: 'validation' });
    }
  }
  return errors;
}
