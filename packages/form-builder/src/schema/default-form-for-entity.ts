import type { EntityDoc, Field, FormDoc, FormItem } from '@lattice/engine';

/** Field types that read better across the full width of a two-column section. */
const WIDE_TYPES: readonly Field['type'][] = [
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

/**
 * A usable form for an entity with no form document yet: one two-column section holding every field
 * in entity order, wide types spanning both columns. Item ids are `i_<field id>` (stable across calls).
 *
 * @example defaultFormForEntity(customerEntity).sections[0].items.map((i) => i.field)
 */
export function defaultFormForEntity(entity: EntityDoc): FormDoc {
  const items: FormItem[] = entity.fields.map((f) => ({
    id: `i_${f.id}`,
    field: f.name,
    ...(WIDE_TYPES.includes(f.type) ? { span: 2 } : {}),
  }));
  return {
    kind: 'form',
    schemaVersion: 1,
    name: `${entity.name}_form`,
    entity: entity.name,
    label: entity.label,
    sections: [{ id: 's_main', title: { zh: '基本信息', en: 'Details' }, columns: 2, items }],
  };
}
