import type { EntityDoc } from '../../model/entity';
import type { Field } from '../../model/field';
import { type ColumnType, columnTypeFor } from '../../records/column-type-for';

/** A field that has a column; `system` marks owner/region/department, which map onto system columns. */
export interface EntityColumn {
  field: Field;
  column: string;
  type: ColumnType;
  system: boolean;
}

const SCOPING_IDS: ReadonlySet<string> = new Set(['owner', 'region', 'department']);

/** The columns an entity's fields occupy (rollups have none). Column name = field id. */
export function entityColumns(entity: EntityDoc): EntityColumn[] {
  const out: EntityColumn[] = [];
  for (const field of entity.fields) {
    const type = columnTypeFor(field);
    if (!type) continue;
    out.push({ field, column: field.id, type, system: SCOPING_IDS.has(field.id) });
  }
  return out;
}

/** True when a field id maps onto one of the scoping system columns. */
export function isScopingColumn(id: string): boolean {
  return SCOPING_IDS.has(id);
}
