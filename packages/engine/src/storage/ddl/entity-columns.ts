import type { EntityDoc } from '../../model/entity';
import type { Field } from '../../model/field';
import { type StorageColumnType, storageColumnType } from './storage-column-type';

/** A field that has a column; `system` marks owner/region/department, which map onto system columns. */
export interface EntityColumn {
  field: Field;
  column: string;
  type: StorageColumnType;
  system: boolean;
}

const SCOPING_IDS: ReadonlySet<string> = new Set(['owner', 'region', 'department']);

/** The columns an entity's fields occupy (rollups have none). Column name = field id. */
export function entityColumns(entity: EntityDoc): EntityColumn[] {
  const out: EntityColumn[] = [];
  for (const field of entity.fields) {
    const type = storageColumnType(field);
    if (!type) continue;
    out.push({ field, column: field.id, type, system: SCOPING_IDS.has(field.id) });
  }
  return out;
}

/** True when a field id maps onto one of the scoping system columns. */
export function isScopingColumn(id: string): boolean {
  return SCOPING_IDS.has(id);
}
