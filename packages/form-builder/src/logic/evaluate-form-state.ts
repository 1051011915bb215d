import type { EntityDoc, FormDoc, JsonLogic } from '@lattice/engine';
import { COMPUTED_FIELD_TYPES } from '@lattice/engine';
import { compileLogic, isTruthy } from './evaluate-logic';
import { fieldByName } from './form-items';

/** What a form item looks like right now, given the record's values. */
export interface ItemState {
  visible: boolean;
  required: boolean;
  readonly: boolean;
}

/** The live state of every section (by id) and item (by id). */
export interface FormState {
  sections: Record<string, boolean>;
  items: Record<string, ItemState>;
}

/** Context of an evaluation: the signed-in user is visible to expressions as `$user`. */
export interface LogicContext {
  user?: Record<string, unknown>;
  /** Forces every item read-only (view mode). */
  readOnly?: boolean;
}

/** The data JsonLogic sees: the record's fields by name plus `$user`. */
export function logicData(values: Record<string, unknown>, ctx: LogicContext = {}): Record<string, unknown> {
  return ctx.user ? { ...values, $user: ctx.user } : values;
}

function holds(expr: JsonLogic | undefined, data: unknown, fallback: boolean): boolean {
  return expr === undefined ? fallback : isTruthy(compileLogic(expr)(data));
}

/**
 * Evaluates `visibleWhen`, `requiredWhen` and `readonlyWhen` of every section and item against the values.
 * An item in a hidden section is hidden. Entity `required`/`readonly` flags and computed field types
 * (formula, rollup, autonumber) and items with `compute` always apply.
 *
 * @example
 * const state = evaluateFormState(entity, form, { level: 'vip' });
 * state.items['i3']?.visible // → true when i3.visibleWhen is {'==':[{var:'level'},'vip']}
 */
export function evaluateFormState(
  entity: EntityDoc,
  form: FormDoc,
  values: Record<string, unknown>,
  ctx: LogicContext = {},
): FormState {
  const data = logicData(values, ctx);
  const state: FormState = { sections: {}, items: {} };
  for (const section of form.sections) {
    const sectionVisible = holds(section.visibleWhen, data, true);
    state.sections[section.id] = sectionVisible;
    for (const item of section.items) {
      const field = fieldByName(entity, item.field);
      const computed =
        field !== undefined && (COMPUTED_FIELD_TYPES.includes(field.type) || field.readonly === true);
      state.items[item.id] = {
        visible: sectionVisible && holds(item.visibleWhen, data, true),
        required: field?.required === true || holds(item.requiredWhen, data, false),
        readonly:
          ctx.readOnly === true ||
          computed ||
          item.compute !== undefined ||
          holds(item.readonlyWhen, data, false),
      };
    }
  }
  return state;
}
