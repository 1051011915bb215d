import type { Field } from '../field';
import type { FieldType } from '../field-types';

/** Field types that read better across the full width of a section (and are too big for list columns). */
export const WIDE_FIELD_TYPES: readonly FieldType[] = [
  'longtext',
  'richtext',
  'tags',
  'stage',
  'geo',
  'signature',
  'json',
  'notes',
  'file',
  'image',
];

/** Whether a field is a good list column: short scalars, never bulky or private content. */
export function isColumnField(field: Field): boolean {
  return field.type === 'stage' || field.type === 'tags' || !WIDE_FIELD_TYPES.includes(field.type);
}

/** `base` + `suffix` kept within the 63-character identifier limit. */
export function derivedName(base: string, suffix: string): string {
  return `${base.slice(0, 63 - suffix.length)}${suffix}`;
}
