import { type RawBuilder, sql } from 'kysely';
import type { ColumnType } from '../../records/column-type-for';

/** A column of a bulk statement: its name (from metadata or a fixed system name) and storage type. */
export interface BulkColumn {
  name: string;
  type: ColumnType;
}

/** The array type a column's values travel in (jsonb and text[] travel as JSON text and are cast back). */
function arrayType(type: ColumnType): string {
  switch (type) {
    case 'jsonb':
    case 'text[]':
      return 'text[]';
    default:
      return `${type}[]`;
  }
}

/** The expression that turns the travelled value `v.<name>` back into the column type. */
function castBack(alias: string, c: BulkColumn): RawBuilder<unknown> {
  const ref = sql.ref(`${alias}.${c.name}`);
  if (c.type === 'jsonb') return sql`${ref}::jsonb`;
  if (c.type === 'text[]')
    return sql`case when ${ref} is null then null else array(select jsonb_array_elements_text(${ref}::jsonb)) end`;
  return sql`${ref}`;
}

function travel(type: ColumnType, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (type === 'text[]') return JSON.stringify(v);
  if (type === 'jsonb' && typeof v !== 'string') return JSON.stringify(v);
  return v;
}

/**
 * `unnest($1::t1[], $2::t2[], …) as <alias>(c1, c2, …)`: many rows as one parameter per column, so a
 * batch of any size is one short statement (far cheaper to parse and bind than a multi-row VALUES list).
 */
export function unnestRows(
  columns: readonly BulkColumn[],
  rows: readonly Record<string, unknown>[],
  alias: string,
) {
  const arrays = columns.map(
    (c) => sql`${rows.map((r) => travel(c.type, r[c.name]))}::${sql.raw(arrayType(c.type))}`,
  );
  return sql`unnest(${sql.join(arrays)}) as ${sql.id(alias)}(${sql.join(columns.map((c) => sql.id(c.name)))})`;
}

/** The select list reading each column back in its own type from an {@link unnestRows} source. */
export function unnestSelect(columns: readonly BulkColumn[], alias: string) {
  return sql.join(columns.map((c) => castBack(alias, c)));
}
