import { type Expression, sql } from 'kysely';
import type { StorageColumnType } from './storage-column-type';

/** The kysely data-type expression for a storage column type (a fixed list, never user text). */
export function columnDataType(type: StorageColumnType): Expression<unknown> {
  return sql.raw(type);
}
