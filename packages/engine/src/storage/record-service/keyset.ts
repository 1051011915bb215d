import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { latticeError } from '../../errors';

/** One resolved sort key: a column reference and its direction (NULLS LAST either way). */
export interface SortKey {
  /** Stable name used to bind a cursor to its sort. */
  name: string;
  ref: RawBuilder<unknown>;
  dir: 'asc' | 'desc';
}

type CursorValue = string | number | boolean | null;

/** Encodes the last row's sort values (+ id) as an opaque base64url cursor bound to the sort. */
export function encodeKeysetCursor(sort: SortKey[], values: unknown[]): string {
  const v = values.map((x) => (x instanceof Date ? x.toISOString() : (x as CursorValue)));
  return Buffer.from(JSON.stringify({ s: sortSignature(sort), v })).toString('base64url');
}

/** Decodes a cursor; a forged, corrupt or foreign-sort cursor gives LATTICE_ERR_BAD_REQUEST. */
export function decodeKeysetCursor(sort: SortKey[], cursor: string): CursorValue[] {
  const bad = () =>
    latticeError('LATTICE_ERR_BAD_REQUEST', 'cursor', {
      zh: '分页游标无效',
      en: 'The cursor is invalid for this query',
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const p = parsed as { s?: unknown; v?: unknown };
  if (!p || p.s !== sortSignature(sort) || !Array.isArray(p.v) || p.v.length !== sort.length + 1) throw bad();
  const ok = p.v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x));
  if (!ok || typeof p.v[sort.length] !== 'string') throw bad();
  return p.v as CursorValue[];
}

function sortSignature(sort: SortKey[]): string {
  return sort.map((k) => `${k.name}:${k.dir}`).join(',');
}

/**
 * Rows strictly after the cursor in `ORDER BY k1 …, kn … NULLS LAST, id ASC`: an OR over levels of
 * (all earlier keys equal AND this key after). Nulls sort last, so nothing non-null follows a null.
 */
export function keysetPredicate(
  sort: SortKey[],
  idRef: RawBuilder<unknown>,
  values: CursorValue[],
): RawBuilder<SqlBool> {
  const levels: RawBuilder<unknown>[] = [];
  const equal: RawBuilder<unknown>[] = [];
  sort.forEach((k, i) => {
    const v = values[i] ?? null;
    const after =
      v === null ? null : sql`(${k.ref} ${sql.raw(k.dir === 'asc' ? '>' : '<')} ${v} or ${k.ref} is null)`;
    if (after) levels.push(and([...equal, after]));
    equal.push(v === null ? sql`${k.ref} is null` : sql`${k.ref} = ${v}`);
  });
  levels.push(and([...equal, sql`${idRef} > ${values[sort.length]}`]));
  return sql`(${sql.join(
    levels.map((l) => sql`(${l})`),
    sql` or `,
  )})` as RawBuilder<SqlBool>;
}

function and(parts: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return sql.join(parts, sql` and `);
}

/** `ORDER BY` fragment matching {@link keysetPredicate}. */
export function keysetOrderBy(sort: SortKey[], idRef: RawBuilder<unknown>): RawBuilder<unknown> {
  const parts = sort.map((k) => sql`${k.ref} ${sql.raw(k.dir)} nulls last`);
  return sql.join([...parts, sql`${idRef} asc`]);
}
