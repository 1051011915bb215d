import { type Expression, sql } from 'kysely';
import type { EntityDoc } from '../model/entity';
import type { Field } from '../model/field';
import { type ColumnType, columnNameFor, columnTypeFor } from '../records/column-type-for';

/** A filterable name resolved to SQL: a column reference built from metadata, its type and its field. */
export interface ResolvedColumn {
  ref: Expression<unknown>;
  type: ColumnType;
  /** The field behind the column; null for system columns without a field. */
  field: Field | null;
}

/** Resolves a field NAME (as used in `{"var": …}`) to a column, or null when nothing filterable matches. */
export type ColumnResolver = (name: string) => ResolvedColumn | null;

/** System columns clients may filter and sort on, with their types. */
export const SYSTEM_COLUMN_TYPES: Readonly<Record<string, ColumnType>> = {
  id: 'uuid',
  version: 'integer',
  created_at: 'timestamptz',
  created_by: 'text',
  updated_at: 'timestamptz',
  updated_by: 'text',
  owner: 'text',
  region: 'text',
  department: 'text',
};

/**
 * The default resolver: entity fields by name (column = field id) and the system columns, qualified by
 * `tableAlias` when given. Rollups have no column, so they resolve to null unless the caller's own
 * resolver maps them (e.g. to a correlated subquery).
 */
export function createColumnResolver(entity: EntityDoc, tableAlias?: string): ColumnResolver {
  const byName = new Map(entity.fields.map((f) => [f.name, f]));
  const ref = (column: string) => sql.ref(tableAlias ? `${tableAlias}.${column}` : column);
  return (name) => {
    const field = byName.get(name);
    if (field) {
      const type = columnTypeFor(field);
      return type === null ? null : { ref: ref(columnNameFor(field)), type, field };
    }
    const systemType = Object.hasOwn(SYSTEM_COLUMN_TYPES, name) ? SYSTEM_COLUMN_TYPES[name] : undefined;
    return systemType ? { ref: ref(name), type: systemType, field: null } : null;
  };
}
