import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LatticeDb } from '../contracts';
import { openTestDatabase, testDatabaseKinds } from '../open-test-database';
import { arrayColumns, copyRows, copyText } from './copy-rows';
import type { BulkColumn } from './unnest-rows';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const COLUMNS: BulkColumn[] = [
  { name: 't', type: 'text' },
  { name: 'n', type: 'numeric' },
  { name: 'i', type: 'integer' },
  { name: 'd', type: 'date' },
  { name: 'ts', type: 'timestamptz' },
  { name: 'b', type: 'boolean' },
  { name: 'tags', type: 'text[]' },
  { name: 'j', type: 'jsonb' },
];

const TEXT_ONLY = arrayColumns([{ name: 't', type: 'text' }]);

describe('copyText', () => {
  it('escapes the delimiters and backslashes of COPY text format and writes NULL as \\N', () => {
    expect(copyText(TEXT_ONLY, [['a\tb\nc\\d\re'], [null], ['\\N']])).toBe(
      'a\\tb\\nc\\\\d\\re\n\\N\n\\\\N\n',
    );
  });
});

describe.each(testDatabaseKinds())('copyRows on %s', (kind) => {
  let db: LatticeDb;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await sql`create schema if not exists copy_test`.execute(db.kysely);
    await sql`create table copy_test.t (id uuid primary key default gen_random_uuid(), t text unique, n numeric,
      i integer, d date, ts timestamptz, b boolean, tags text[], j jsonb)`.execute(db.kysely);
  });
  afterAll(async () => {
    await sql`drop schema copy_test cascade`.execute(db.kysely);
    await db.close();
  });

  it('loads every column type inside the transaction, round-tripping awkward text exactly', async () => {
    const awkward = 'tab\there, line\nbreak, back\\slash, 中文, "quote", \\N literal';
    const n = await db.kysely.transaction().execute((trx) =>
      copyRows(trx, { schema: 'copy_test', name: 't' }, arrayColumns(COLUMNS), [
        [
          awkward,
          1234.5,
          7,
          '2024-03-05',
          '2024-03-05T06:07:08.000Z',
          true,
          ['a,b', 'c"d', '{e}'],
          { k: ['v', 1] },
        ],
        ['second', null, null, null, null, false, [], '"a json string"'],
      ]),
    );
    expect(n).toBe(2);
    const rows = await sql<
      Record<string, unknown>
    >`select t, n, i, d, ts, b, tags, j from copy_test.t order by t`
      .execute(db.kysely)
      .then((r) => r.rows);
    expect(rows).toHaveLength(2);
    const second = rows.find((r) => r.t === 'second')!;
    const first = rows.find((r) => r.t !== 'second')!;
    expect(first.t).toBe(awkward);
    expect(Number(first.n)).toBe(1234.5);
    expect(first.i).toBe(7);
    expect(String(first.d)).toContain('2024-03-05');
    expect(new Date(first.ts as string).toISOString()).toBe('2024-03-05T06:07:08.000Z');
    expect(first.b).toBe(true);
    expect(first.tags).toEqual(['a,b', 'c"d', '{e}']);
    expect(first.j).toEqual({ k: ['v', 1] });
    expect(second).toMatchObject({
      n: null,
      i: null,
      d: null,
      ts: null,
      b: false,
      tags: [],
      j: 'a json string',
    });
  });

  it('leaves nothing behind when the transaction rolls back after a unique clash', async () => {
    const before = await sql<{ c: string }>`select count(*)::text as c from copy_test.t`.execute(db.kysely);
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await copyRows(trx, { schema: 'copy_test', name: 't' }, TEXT_ONLY, [['fresh']]);
        await copyRows(trx, { schema: 'copy_test', name: 't' }, TEXT_ONLY, [['second']]);
      }),
    ).rejects.toThrow(/unique|duplicate/i);
    const after = await sql<{ c: string }>`select count(*)::text as c from copy_test.t`.execute(db.kysely);
    expect(after.rows[0]!.c).toBe(before.rows[0]!.c);
    // The connection is usable again afterwards.
    await expect(sql`select 1`.execute(db.kysely)).resolves.toBeDefined();
  });
});
