import { type RawBuilder, sql } from 'kysely';
import type { ColumnType } from '../../records/column-type-for';

/** A column of a bulk statement: its name (from metadata or a fixed system name) and storage type. */
export interface BulkColumn {
  name: string;
  type: ColumnType;
}

/** The column's value inside the JSON document (jsonb values travel as JSON, not as JSON text). */
function travel(type: ColumnType, v: unknown): unknown {
  if (v === undefined) return null;
  if (type === 'jsonb' && typeof v === 'string') {
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return v;
    }
  }
  return v;
}

/**
 * `json_to_recordset($1::json) as <alias>(c1 t1, c2 t2, …)`: many rows as ONE parameter — a JSON array
 * serialized natively by `JSON.stringify` and parsed by PostgreSQL in C — so a batch of any size is one
 * short statement, far cheaper than a multi-row VALUES list or per-column array literals built in JS.
 */
export function unnestRows(
  columns: readonly BulkColumn[],
  rows: readonly Record<string, unknown>[],
  alias: string,
): RawBuilder<unknown> {
  const needsTravel = columns.some((c) => c.type === 'jsonb');
  const doc = needsTravel
    ? rows.map((r) => Object.fromEntries(columns.map((c) => [c.name, travel(c.type, r[c.name])])))
    : rows;
  const defs = columns.map((c) => sql`${sql.id(c.name)} ${sql.raw(c.type)}`);
  return sql`json_to_recordset(${JSON.stringify(doc)}::json) as ${sql.id(alias)}(${sql.join(defs)})`;
}

/** The select list reading each column from an {@link unnestRows} source. */
export function unnestSelect(columns: readonly BulkColumn[], alias: string): RawBuilder<unknown> {
  return sql.join(columns.map((c) => sql.ref(`${alias}.${c.name}`)));
}
