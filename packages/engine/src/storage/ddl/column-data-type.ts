import { type Expression, sql } from 'kysely';
import type { ColumnType } from '../../records/column-type-for';

/** The kysely data-type expression for a storage column type (a fixed list, never user text). */
export function columnDataType(type: ColumnType): Expression<unknown> {
  return sql.raw(type);
}
