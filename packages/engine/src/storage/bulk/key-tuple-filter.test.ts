import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LatticeDb } from '../contracts';
import { openTestDatabase, testDatabaseKinds } from '../open-test-database';
import { keyTupleFilter } from './key-tuple-filter';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const AWKWARD = ['a,b', 'c"d', '{e}', 'f\\g', 'NULL', '华东 客户'];

describe.each(testDatabaseKinds())('keyTupleFilter on %s', (kind) => {
  let db: LatticeDb;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await sql`create schema if not exists ktf`.execute(db.kysely);
    await sql`create table ktf.t (code text, n integer, d date)`.execute(db.kysely);
    const rows = [
      ...AWKWARD.map((code, i) => ({ code, n: i, d: '2024-01-01' })),
      { code: 'x', n: 1, d: '2024-01-02' },
    ];
    for (const r of rows) await sql`insert into ktf.t values (${r.code}, ${r.n}, ${r.d})`.execute(db.kysely);
  });
  afterAll(async () => {
    await sql`drop schema ktf cascade`.execute(db.kysely);
    await db.close();
  });

  const select = (
    cols: { name: string; type: 'text' | 'integer' | 'date' }[],
    tuples: Record<string, unknown>[],
  ) =>
    sql<{
      code: string;
      n: number;
    }>`select code, n from ktf.t as t where ${keyTupleFilter(cols, tuples, 't')} order by n`
      .execute(db.kysely)
      .then((r) => r.rows.map((x) => `${x.code}/${x.n}`));

  it('finds exactly the listed values of a one-column key, whatever characters they hold', async () => {
    const found = await select(
      [{ name: 'code', type: 'text' }],
      AWKWARD.map((code) => ({ code })),
    );
    expect(found).toEqual(AWKWARD.map((c, i) => `${c}/${i}`));
  });

  it('never misses a tuple of a several-column key (it may return a few more, matched by the caller)', async () => {
    const found = await select(
      [
        { name: 'code', type: 'text' },
        { name: 'n', type: 'integer' },
      ],
      [
        { code: 'a,b', n: 0 },
        { code: 'x', n: 5 },
      ],
    );
    expect(found).toContain('a,b/0');
    expect(found).not.toContain('华东 客户/5');
  });

  it('matches typed columns such as dates', async () => {
    expect(await select([{ name: 'd', type: 'date' }], [{ d: '2024-01-02' }])).toEqual(['x/1']);
  });
});
