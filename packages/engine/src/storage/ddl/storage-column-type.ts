import { assertNever } from '../../model/assert-never';
import type { Field } from '../../model/field';

export const STORAGE_COLUMN_TYPES = [
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
export type StorageColumnType = (typeof STORAGE_COLUMN_TYPES)[number];

/**
 * The PostgreSQL column type of a field per the storage conventions; `null` when the field has no
 * column (rollups are computed on read). Local to storage until `records/column-type-for.ts` lands.
 */
export function storageColumnType(field: Field): StorageColumnType | null {
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

function formulaColumnType(t: 'number' | 'text' | 'boolean' | 'date'): StorageColumnType {
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
