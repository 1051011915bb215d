import type { EntityDoc } from '../entity';
import type { ListView } from '../view';
import { derivedName, isColumnField } from './default-field-layout';

/** Columns beyond the title field; more makes the default list too wide on a laptop. */
const EXTRA_COLUMNS = 5;

/**
 * A list view for an entity with none yet: the title field, the next five short fields in entity order,
 * and `updated_at`, newest first.
 *
 * @example
 * defaultListView(customer).columns; // ['name', 'code', 'region', 'level', 'phone', 'owner', 'updated_at']
 */
export function defaultListView(entity: EntityDoc): ListView {
  const others = entity.fields
    .filter((f) => f.name !== entity.titleField && isColumnField(f))
    .slice(0, EXTRA_COLUMNS)
    .map((f) => f.name);
  return {
    kind: 'view',
    schemaVersion: 1,
    type: 'list',
    name: derivedName(entity.name, '_list'),
    entity: entity.name,
    label: entity.pluralLabel ?? entity.label,
    columns: [entity.titleField, ...others, 'updated_at'],
    sort: [{ field: 'updated_at', dir: 'desc' }],
    pageSize: 50,
  };
}
