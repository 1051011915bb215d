import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { isLatticeError } from '../errors';
import { dummyKysely } from './dummy-kysely.test-helper';
import { decodeCursor, encodeCursor, type KeysetSortKey, keysetOrderBy, keysetPredicate } from './keyset';

const ID = 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11';
const db = dummyKysely();

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return isLatticeError(err) ? err.code : 'not a LatticeError';
  }
  return undefined;
}

describe('encodeCursor / decodeCursor', () => {
  it('round-trips values, dates as ISO strings and non-Latin text', () => {
    const c = encodeCursor(['华东机电', 12.5, null, true, new Date('2024-05-01T00:00:00Z'), ID], 'name:asc');
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(c, { bind: 'name:asc', length: 6 })).toEqual([
      '华东机电',
      12.5,
      null,
      true,
      '2024-05-01T00:00:00.000Z',
      ID,
    ]);
  });

  it('refuses forged, corrupt and foreign cursors with LATTICE_ERR_BAD_REQUEST', () => {
    const c = encodeCursor(['a', ID], 'name:asc');
    const forged = [
      'not base64!',
      'e30',
      btoa('{"b":"name:asc","v":[{"x":1},"id"]}').replace(/=+$/, ''),
      c.slice(0, -3),
      'x'.repeat(5000),
      '',
    ];
    for (const f of forged)
      expect([f.slice(0, 20), codeOf(() => decodeCursor(f, { bind: 'name:asc' }))]).toEqual([
        f.slice(0, 20),
        'LATTICE_ERR_BAD_REQUEST',
      ]);
    expect(codeOf(() => decodeCursor(c, { bind: 'name:desc' }))).toBe('LATTICE_ERR_BAD_REQUEST');
    expect(codeOf(() => decodeCursor(c, { bind: 'name:asc', length: 3 }))).toBe('LATTICE_ERR_BAD_REQUEST');
  });
});

describe('keysetPredicate', () => {
  const sort: KeysetSortKey[] = [
    { ref: sql.ref('f_level'), direction: 'asc', type: 'text' },
    { ref: sql.ref('f_rev'), direction: 'desc', type: 'numeric' },
  ];
  const compile = (values: (string | number | null)[]) =>
    db
      .selectFrom('customer')
      .select('id')
      .where((eb) => keysetPredicate(sort, values, eb))
      .orderBy(keysetOrderBy(sort))
      .compile();

  it('compares level by level for mixed directions with id as the final tie-breaker', () => {
    const q = compile(['A', 100, ID]);
    expect(q.sql).toBe(
      'select "id" from "customer" where (' +
        '(("f_level" > $1 or "f_level" is null)) or ' +
        '("f_level" = $2 and ("f_rev" < $3 or "f_rev" is null)) or ' +
        '("f_level" = $4 and "f_rev" = $5 and "id" > $6)) ' +
        'order by "f_level" asc nulls last, "f_rev" desc nulls last, "id" asc',
    );
    expect(q.parameters).toEqual(['A', 'A', 100, 'A', 100, ID]);
  });

  it('puts nothing but nulls after a null value (NULLS LAST)', () => {
    const q = compile(['A', null, ID]);
    expect(q.sql).toContain('("f_level" = $2 and "f_rev" is null and "id" > $3)');
    expect(q.sql).not.toContain('"f_rev" <');
  });

  it('refuses cursor values of the wrong type or count', () => {
    expect(codeOf(() => compile(['A', 'lots', ID]))).toBe('LATTICE_ERR_BAD_REQUEST');
    expect(codeOf(() => compile(['A', 1, "x'; drop table customer"]))).toBe('LATTICE_ERR_BAD_REQUEST');
    expect(codeOf(() => compile(['A', ID]))).toBe('LATTICE_ERR_BAD_REQUEST');
  });
});
