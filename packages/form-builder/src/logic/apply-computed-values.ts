import type { EntityDoc, FormDoc, FormItem } from '@lattice/engine';
import type { LogicContext } from './evaluate-form-state';
import { logicData } from './evaluate-form-state';
import { compileLogic } from './evaluate-logic';
import { fieldByName, formItems, isEmptyValue } from './form-items';

/** Result of {@link applyComputedValues}: the new values and which fields hold a default (not user input). */
export interface ComputedValues {
  values: Record<string, unknown>;
  defaulted: string[];
}

export interface ComputeOptions extends LogicContext {
  /** Fields the user edited: their defaults never overwrite them again. */
  touched?: ReadonlySet<string>;
  /** Fields whose current value came from a default: it follows its inputs until the user edits it. */
  defaulted?: readonly string[];
}

/** Computed values may feed each other; a few passes settle any acyclic chain of realistic depth. */
const MAX_PASSES = 4;

const activeItems = new WeakMap<FormDoc, WeakMap<EntityDoc, FormItem[]>>();

/** Items that can produce a value (compute, defaultValue or a field default), cached per form+entity. */
function itemsWithValues(entity: EntityDoc, form: FormDoc): FormItem[] {
  let byEntity = activeItems.get(form);
  if (!byEntity) {
    byEntity = new WeakMap();
    activeItems.set(form, byEntity);
  }
  let items = byEntity.get(entity);
  if (!items) {
    items = formItems(form).filter(
      (i) =>
        i.compute !== undefined ||
        i.defaultValue !== undefined ||
        fieldByName(entity, i.field)?.default !== undefined,
    );
    byEntity.set(entity, items);
  }
  return items;
}

/**
 * Applies live `compute` expressions and computed defaults (`defaultValue`, then the field's static
 * `default`) of a form to the values. Defaults fill empty fields the user has not touched, and keep
 * following their inputs while the value is still the default. Returns the same object when nothing
 * changed, so callers can skip a re-render.
 */
export function applyComputedValues(
  entity: EntityDoc,
  form: FormDoc,
  values: Record<string, unknown>,
  opts: ComputeOptions = {},
): ComputedValues {
  const defaulted = new Set(opts.defaulted ?? []);
  let next = values;
  const set = (name: string, v: unknown) => {
    if (sameValue(next[name], v)) return false;
    if (next === values) next = { ...values };
    next[name] = v;
    return true;
  };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const item of itemsWithValues(entity, form)) {
      const name = item.field;
      if (item.compute !== undefined) {
        changed = set(name, normalise(compileLogic(item.compute)(logicData(next, opts)))) || changed;
        continue;
      }
      if (opts.touched?.has(name)) continue;
      if (!isEmptyValue(next[name]) && !defaulted.has(name)) continue;
      const field = fieldByName(entity, name);
      const fallback =
        item.defaultValue !== undefined
          ? compileLogic(item.defaultValue)(logicData(next, opts))
          : (field?.default ?? undefined);
      if (fallback === undefined || isEmptyValue(fallback)) continue;
      defaulted.add(name);
      changed = set(name, normalise(fallback)) || changed;
    }
    if (!changed) break;
  }
  return { values: next, defaulted: [...defaulted] };
}

function normalise(v: unknown): unknown {
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}
