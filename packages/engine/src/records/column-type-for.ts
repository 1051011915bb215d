import { assertNever } from '../model/assert-never';
import type { Field, FormulaResultType } from '../model/field';

/** PostgreSQL column types a field can map to (see the storage conventions). */
export const COLUMN_TYPES = [
  'text',
  'numeric',
  'integer',
  'date',
  'timestamptz',
  'boolean',
  'text[]',
  'uuid',
  'jsonb',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/**
 * The column type that stores a field, or `null` when the field has no column (rollups are computed on
 * read). Sensitive fields still report their logical type; encryption is layered on by permissions.
 *
 * @example columnTypeFor({ type: 'currency', … }) // → 'numeric'
 */
export function columnTypeFor(field: Field): ColumnType | null {
  switch (field.type) {
    case 'text':
    case 'longtext':
    case 'richtext':
    case 'email':
    case 'phone':
    case 'url':
    case 'select':
    case 'user':
    case 'department':
    case 'autonumber':
    case 'signature':
    case 'stage':
      return 'text';
    case 'number':
    case 'currency':
    case 'percent':
      return 'numeric';
    case 'integer':
    case 'rating':
      return 'integer';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamptz';
    case 'boolean':
      return 'boolean';
    case 'multiselect':
    case 'tags':
      return 'text[]';
    case 'reference':
      return 'uuid';
    case 'file':
    case 'image':
    case 'geo':
    case 'json':
    case 'notes':
      return 'jsonb';
    case 'formula':
      return formulaColumnType(field.resultType);
    case 'rollup':
      return null;
    default:
      return assertNever(field);
  }
}

function formulaColumnType(t: FormulaResultType): ColumnType {
  switch (t) {
    case 'number':
      return 'numeric';
    case 'text':
      return 'text';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    default:
      return assertNever(t);
  }
}

/** The column holding a field: its stable id (owner/region/department ids are the system columns). */
export function columnNameFor(field: Pick<Field, 'id'>): string {
  return field.id;
}
