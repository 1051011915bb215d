import type { EntityDoc } from '../entity';
import { COMPUTED_FIELD_TYPES } from '../field-types';
import type { FormDoc, FormItem } from '../form';
import { derivedName, WIDE_FIELD_TYPES } from './default-field-layout';

/**
 * A usable form for an entity with no form document yet: one two-column section holding every field
 * in entity order; wide types span both columns, computed fields (formula, rollup, autonumber) are shown
 * read-only. Ids are stable across calls (`i_<field id>`), so a studio can start editing from it.
 *
 * @example
 * defaultFormForEntity(customer).sections[0].items.map((i) => i.field); // ['name', 'region', …]
 */
export function defaultFormForEntity(entity: EntityDoc): FormDoc {
  const items: FormItem[] = entity.fields.map((f) => ({
    id: `i_${f.id}`,
    field: f.name,
    ...(WIDE_FIELD_TYPES.includes(f.type) ? { span: 2 } : {}),
    ...(COMPUTED_FIELD_TYPES.includes(f.type) ? { widget: 'readonly' as const } : {}),
  }));
  return {
    kind: 'form',
    schemaVersion: 1,
    name: derivedName(entity.name, '_form'),
    entity: entity.name,
    label: entity.label,
    sections: [{ id: 's_main', title: { zh: '基本信息', en: 'Details' }, columns: 2, items }],
  };
}
