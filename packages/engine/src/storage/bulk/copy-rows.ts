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

type Encoder = (v: unknown) => string;

/** How one column's non-null values are written in COPY text format. */
function encoderFor(type: BulkColumn['type']): Encoder {
  switch (type) {
    case 'boolean':
      return (v) => (v ? 't' : 'f');
    case 'timestamptz':
    case 'date': {
      // A batch stamps every row with the same Date: format it once.
      let last: unknown = null;
      let lastText = '';
      return (v) => {
        if (v === last) return lastText;
        const text = v instanceof Date ? v.toISOString() : escapeText(String(v));
        last = v;
        lastText = text;
        return text;
      };
    }
    case 'text[]':
      return (v) => escapeText(arrayLiteral(Array.isArray(v) ? v : [v]));
    case 'jsonb':
      // Same convention as `unnestRows`: a string that parses as JSON is JSON text already.
      return (v) => escapeText(typeof v === 'string' && isJsonText(v) ? v : JSON.stringify(v));
    default:
      return (v) => (typeof v === 'string' ? escapeText(v) : String(v));
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

/** A column a COPY reads from each row: where the value comes from, or one value for every row. */
export type CopyColumn<R> = ReadColumn<R> | ConstantColumn;
type ReadColumn<R> = BulkColumn & { read: (row: R) => unknown };
type ConstantColumn = BulkColumn & { constant: unknown };

const isRead = <R>(c: CopyColumn<R>): c is ReadColumn<R> => 'read' in c;
const isConstant = <R>(c: CopyColumn<R>): c is ConstantColumn => 'constant' in c;

/** Columns read from rows that are arrays of values in column order. */
export function arrayColumns(columns: readonly BulkColumn[]): CopyColumn<readonly unknown[]>[] {
  return columns.map((c, i) => ({ ...c, read: (row: readonly unknown[]) => row[i] }));
}

function encodeValue(v: unknown, encode: Encoder): string {
  return v === null || v === undefined ? '\\N' : encode(v);
}

/**
 * Rows as COPY text-format data: one line per row (`\\N` is NULL). Constant columns are encoded once and
 * end every line, so a batch's write stamps cost nothing per row.
 */
export function copyText<R>(columns: readonly CopyColumn<R>[], rows: readonly R[]): string {
  const perRow = columns.filter(isRead);
  const constant = columns.filter(isConstant);
  const reads = perRow.map((c) => c.read);
  const encoders = perRow.map((c) => encoderFor(c.type));
  const tail = constant.map((c) => `\t${encodeValue(c.constant, encoderFor(c.type))}`).join('');
  const width = reads.length;
  const lines: string[] = new Array(rows.length);
  // One reused array joined per row: native joining beats growing a line with += several times over.
  const parts: string[] = new Array(width);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let i = 0; i < width; i++) parts[i] = encodeValue(reads[i]!(row), encoders[i]!);
    lines[r] = parts.join('\t') + tail;
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/**
 * Loads `rows` into `table` with `COPY … FROM STDIN` inside the caller's transaction — the database's
 * own bulk path, several times cheaper for the server than parsing the same rows from a JSON document.
 * Columns not listed take their defaults; constraints and indexes apply as for INSERT (a unique clash
 * fails the statement).
 */
export async function copyRows<R>(
  trx: DbTransaction,
  table: { schema: string; name: string },
  columns: readonly CopyColumn<R>[],
  rows: readonly R[],
): Promise<number> {
  if (!rows.length) return 0;
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  // Per-row columns first, constants last: the order copyText writes them in.
  const ordered = [...columns.filter(isRead), ...columns.filter(isConstant)];
  const cols = ordered.map((c) => ident(c.name)).join(', ');
  const sql = `copy ${ident(table.schema)}.${ident(table.name)} (${cols}) from stdin`;
  const res = await trx.executeQuery(CompiledQuery.raw(sql, [copyText(columns, rows)]));
  return Number(res.numAffectedRows ?? rows.length);
}
