import type { EntityDoc, Field, FormDoc, FormItem } from '@lattice/engine';

/** Every item of a form in layout order (sections in order, items in order). */
export function formItems(form: FormDoc): FormItem[] {
  return form.sections.flatMap((s) => s.items);
}

/** The entity field with this API name, if any. */
export function fieldByName(entity: EntityDoc, name: string): Field | undefined {
  return entity.fields.find((f) => f.name === name);
}

/** True for null, undefined, '' and empty arrays: the values a required field may not hold. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}
