import { type RawBuilder, sql } from 'kysely';
import { assertNever } from '../../model/assert-never';
import type { ColumnType } from '../../records/column-type-for';

const NUMERIC_RE = '^[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]+)?$';
const DATE_RE = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])';
const TIMESTAMP_RE =
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?(Z|[-+][0-9]{2}(:?[0-9]{2})?)?$';
const UUID_RE = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const BOOL_WORDS = ['true', 't', 'yes', 'y', '1', 'false', 'f', 'no', 'n', '0'];

/**
 * SQL converting `column` from one storage type to another, yielding NULL for values that do not
 * convert. Constants are inlined as literals because DDL (`ALTER … USING`) takes no parameters. Used both to count lost values in the publish preview and as the `USING` of the ALTER.
 */
export function convertColumnSql(column: string, from: ColumnType, to: ColumnType): RawBuilder<unknown> {
  const col = sql.ref(column);
  if (from === to) return sql`${col}`;
  const t = asText(column, from);
  const bt = sql`btrim(${t})`;
  switch (to) {
    case 'text':
      return t;
    case 'numeric':
      if (from === 'integer') return sql`${col}::numeric`;
      return sql`case when ${bt} ~ ${sql.lit(NUMERIC_RE)} then ${bt}::numeric end`;
    case 'integer':
      return sql`case when ${bt} ~ ${sql.lit(NUMERIC_RE)} then case when ${bt}::numeric = trunc(${bt}::numeric)
        and abs(${bt}::numeric) < 2147483648 then ${bt}::numeric::integer end end`;
    case 'boolean':
      return sql`case when lower(${bt}) in (${sql.join(BOOL_WORDS.map((w) => sql.lit(w)))}) then lower(${bt})::boolean end`;
    case 'date':
      if (from === 'timestamptz') return sql`${col}::date`;
      return sql`case when ${bt} ~ ${sql.lit(DATE_RE)} then substr(${bt}, 1, 10)::date end`;
    case 'timestamptz':
      if (from === 'date') return sql`${col}::timestamptz`;
      return sql`case when ${bt} ~ ${sql.lit(TIMESTAMP_RE)} then ${bt}::timestamptz end`;
    case 'uuid':
      return sql`case when ${bt} ~ ${sql.lit(UUID_RE)} then ${bt}::uuid end`;
    case 'text[]':
      return sql`case when ${t} is null then null else array[${t}] end`;
    case 'jsonb':
      return sql`to_jsonb(${col})`;
    default:
      return assertNever(to);
  }
}

function asText(column: string, from: ColumnType): RawBuilder<unknown> {
  const col = sql.ref(column);
  switch (from) {
    case 'text[]':
      return sql`array_to_string(${col}, ',')`;
    case 'jsonb':
      return sql`(${col} #>> '{}')`;
    default:
      return sql`${col}::text`;
  }
}
