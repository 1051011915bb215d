import { CompiledQuery } from 'kysely';
import type { DbTransaction } from '../contracts';
import type { BulkColumn } from './unnest-rows';

/** Characters COPY's text format escapes (backslash, and the row/column delimiters). */
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeText(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : s;
}

/** `{"a","b"}`: an array literal whose elements are always quoted, so commas and braces stay data. */
function arrayLiteral(items: readonly unknown[]): string {
  return `{${items.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

/** One value in COPY text format for a column of `type` (`\N` is NULL). */
function copyValue(type: BulkColumn['type'], v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  switch (type) {
    case 'boolean':
      return v ? 't' : 'f';
    case 'timestamptz':
    case 'date':
      return v instanceof Date ? v.toISOString() : escapeText(String(v));
    case 'text[]':
      return escapeText(arrayLiteral(Array.isArray(v) ? v : [v]));
    case 'jsonb':
      // Same convention as `unnestRows`: a string that parses as JSON is JSON text already.
      return escapeText(typeof v === 'string' && isJsonText(v) ? v : JSON.stringify(v));
    default:
      return typeof v === 'string' ? escapeText(v) : String(v);
  }
}

function isJsonText(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

/** Rows (values in `columns` order) as COPY text-format data: one line per row. */
export function copyText(columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]): string {
  let out = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) line += (i ? '\t' : '') + copyValue(columns[i]!.type, row[i]);
    out += `${line}\n`;
  }
  return out;
}

/**
 * Loads `rows` (values in `columns` order) into `table` with `COPY … FROM STDIN` inside the caller's
 * transaction — the database's own bulk path, several times cheaper for the server than parsing the
 * same rows from a JSON document. Columns not listed take their defaults; constraints and indexes apply
 * as for INSERT (a unique clash fails the statement).
 */
export async function copyRows(
  trx: DbTransaction,
  table: { schema: string; name: string },
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
): Promise<number> {
  if (!rows.length) return 0;
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const cols = columns.map((c) => ident(c.name)).join(', ');
  const sql = `copy ${ident(table.schema)}.${ident(table.name)} (${cols}) from stdin`;
  const res = await trx.executeQuery(CompiledQuery.raw(sql, [copyText(columns, rows)]));
  return Number(res.numAffectedRows ?? rows.length);
}
