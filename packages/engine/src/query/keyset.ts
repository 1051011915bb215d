import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import { latticeError } from '../errors';
import type { ColumnType } from '../records/column-type-for';

/** A value a cursor may carry (JSON scalars; timestamps travel as ISO strings). */
export type CursorValue = string | number | boolean | null;

/** One sort key of a keyset-paginated list. */
export interface KeysetSortKey {
  /** Column (or expression) reference built from metadata, never from client text. */
  ref: Expression<unknown>;
  direction: 'asc' | 'desc';
  /** When given, cursor values are type-checked against it so a forged cursor is a 400, not a cast error. */
  type?: ColumnType;
}

export interface DecodeCursorOptions {
  /** Number of values expected (sort keys + 1 for the id). */
  length?: number;
  /** Must equal the `bind` given to {@link encodeCursor} (e.g. a sort/filter signature). */
  bind?: string;
}

const MAX_CURSOR_LENGTH = 4096;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Encodes the last row's sort values (id last) as an opaque base64url cursor. `bind` ties the cursor to
 * the query it came from (pass the sort signature), so replaying it on another sort is refused.
 *
 * @example encodeCursor(['2024-05-01', 'a1b2…uuid'], 'signed_on:desc') // → 'eyJ2Ijpb…'
 */
export function encodeCursor(values: readonly unknown[], bind = ''): string {
  const v = values.map(toCursorValue);
  return toBase64Url(JSON.stringify({ b: bind, v }));
}

/** Decodes a cursor from {@link encodeCursor}; anything forged, corrupt or foreign → LATTICE_ERR_BAD_REQUEST. */
export function decodeCursor(cursor: string, opts: DecodeCursorOptions = {}): CursorValue[] {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH)
    throw badCursor();
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw badCursor();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badCursor();
  const { b, v } = parsed as { b?: unknown; v?: unknown };
  if (b !== (opts.bind ?? '') || !Array.isArray(v) || v.length === 0) throw badCursor();
  if (opts.length !== undefined && v.length !== opts.length) throw badCursor();
  if (!v.every(isCursorValue)) throw badCursor();
  return v;
}

/**
 * Rows strictly after the cursor in the order of {@link keysetOrderBy} (`k1 dir NULLS LAST, …, id ASC`):
 * an OR over levels "earlier keys equal AND this key after", ending with "all keys equal AND id greater".
 * Nulls sort last either way, so a null cursor value has only nulls after it. `values` holds one value per
 * sort key plus the id. Timestamps must be stored at millisecond precision (as the engine writes them),
 * because cursors carry ISO strings.
 */
export function keysetPredicate<DB, TB extends keyof DB>(
  sort: readonly KeysetSortKey[],
  values: readonly CursorValue[],
  _eb?: ExpressionBuilder<DB, TB>,
  idRef: Expression<unknown> = sql.ref('id'),
): Expression<SqlBool> {
  if (values.length !== sort.length + 1) throw badCursor();
  for (const [i, k] of sort.entries()) checkValue(values[i] ?? null, k.type);
  const id = values[sort.length];
  if (typeof id !== 'string' || !UUID_RE.test(id)) throw badCursor();
  const levels: RawBuilder<unknown>[] = [];
  const equal: RawBuilder<unknown>[] = [];
  sort.forEach((k, i) => {
    const v = values[i] ?? null;
    if (v !== null) {
      const cmp = sql.raw(k.direction === 'asc' ? '>' : '<');
      levels.push(all([...equal, sql`(${k.ref} ${cmp} ${v} or ${k.ref} is null)`]));
    }
    equal.push(v === null ? sql`${k.ref} is null` : sql`${k.ref} = ${v}`);
  });
  levels.push(all([...equal, sql`${idRef} > ${id}`]));
  return sql<SqlBool>`(${sql.join(levels, sql` or `)})`;
}

/** The ORDER BY items matching {@link keysetPredicate}; pass each to kysely's `orderBy`. */
export function keysetOrderBy(
  sort: readonly KeysetSortKey[],
  idRef: Expression<unknown> = sql.ref('id'),
): RawBuilder<unknown>[] {
  return [...sort.map((k) => sql`${k.ref} ${sql.raw(k.direction)} nulls last`), sql`${idRef} asc`];
}

function all(parts: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return sql`(${sql.join(parts, sql` and `)})`;
}

function checkValue(v: CursorValue, type: ColumnType | undefined): void {
  if (v === null || type === undefined) return;
  const ok =
    type === 'numeric' || type === 'integer'
      ? typeof v === 'number'
      : type === 'boolean'
        ? typeof v === 'boolean'
        : type === 'uuid'
          ? typeof v === 'string' && UUID_RE.test(v)
          : type === 'date'
            ? typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
            : type === 'timestamptz'
              ? typeof v === 'string' && !Number.isNaN(Date.parse(v))
              : typeof v === 'string';
  if (!ok) throw badCursor();
}

function toCursorValue(x: unknown): CursorValue {
  if (x instanceof Date) return x.toISOString();
  if (x === undefined) return null;
  if (isCursorValue(x)) return x;
  return String(x);
}

function isCursorValue(x: unknown): x is CursorValue {
  return (
    x === null ||
    typeof x === 'string' ||
    typeof x === 'boolean' ||
    (typeof x === 'number' && Number.isFinite(x))
  );
}

function badCursor() {
  return latticeError('LATTICE_ERR_BAD_REQUEST', 'cursor', {
    zh: '分页游标无效，请从第一页重新加载',
    en: 'The cursor is invalid for this query; reload from the first page',
  });
}

/** UTF-8 safe base64url without Node's Buffer, so the engine stays browser-safe. */
function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
