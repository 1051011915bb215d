import { type RawBuilder, sql } from 'kysely';
import { type BulkColumn, unnestRows, unnestSelect } from './unnest-rows';

/**
 * `WHERE` condition matching rows of `t` whose key columns hold one of `tuples` — or a few more: for a
 * key of several columns it matches each column against its own list (`a = any($1) and b = any($2)`),
 * so callers match the rows they get back by the whole tuple. Written so the planner can only probe the
 * key's index with the lists: during a bulk load the table's statistics still describe an empty table,
 * and the semi-join `(a, b) in (select … from json_to_recordset(…))` is then answered by reading every
 * row loaded so far, once per batch. Column types without an array form (lists, JSON) keep that form.
 */
export function keyTupleFilter(
  columns: readonly BulkColumn[],
  tuples: readonly Record<string, unknown>[],
  alias: string,
): RawBuilder<unknown> {
  if (columns.some((c) => c.type === 'text[]' || c.type === 'jsonb')) {
    const tuple = sql.join(columns.map((c) => sql.ref(`${alias}.${c.name}`)));
    return sql`(${tuple}) in (select ${unnestSelect(columns, 'k')} from ${unnestRows(columns, tuples, 'k')})`;
  }
  return sql.join(
    columns.map((c) => {
      const values = [...new Set(tuples.map((t) => t[c.name] ?? null))];
      return sql`${sql.ref(`${alias}.${c.name}`)} = any(${values}::${sql.raw(c.type)}[])`;
    }),
    sql` and `,
  );
}
