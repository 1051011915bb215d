import type { EntityDoc, Field, FormDoc, FormItem } from '@lattice/engine';

/** Every item of a form in layout order (sections in order, items in order). */
export function formItems(form: FormDoc): FormItem[] {
  return form.sections.flatMap((s) => s.items);
}

const fieldMaps = new WeakMap<readonly Field[], Map<string, Field>>();

/** The entity field with this API name, if any (a map cached per fields array: forms ask per keystroke). */
export function fieldByName(entity: EntityDoc, name: string): Field | undefined {
  let map = fieldMaps.get(entity.fields);
  if (!map) {
    map = new Map(entity.fields.map((f) => [f.name, f]));
    fieldMaps.set(entity.fields, map);
  }
  return map.get(name);
}

/** True for null, undefined, '' and empty arrays: the values a required field may not hold. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}
