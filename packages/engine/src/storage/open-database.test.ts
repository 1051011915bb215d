import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AUDIT_LOG, appendAudit } from './append-audit';
import type { LatticeDb } from './contracts';
import { migrateSystemSchema } from './migrate-system-schema';
import { openTestDatabase, testDatabaseKinds } from './open-test-database';

// Real databases on a shared CI box: allow for a slow schema migration or publish.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

describe.each(testDatabaseKinds())('database on %s', (kind) => {
  let db: LatticeDb;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await db.close();
  });

  it('reports its dialect', () => {
    expect(db.dialect).toBe(kind);
  });

  it('returns numeric and bigint as numbers and dates as YYYY-MM-DD strings', async () => {
    const r = await sql<{ n: unknown; b: unknown; d: unknown; t: unknown }>`
      select 12.50::numeric as n, 9007199254740::bigint as b, '2024-03-05'::date as d,
             '2024-03-05T01:02:03Z'::timestamptz as t`.execute(db.kysely);
    expect(r.rows[0]).toEqual({
      n: 12.5,
      b: 9007199254740,
      d: '2024-03-05',
      t: new Date('2024-03-05T01:02:03Z'),
    });
  });

  it('migrates the system schema idempotently', async () => {
    expect(await migrateSystemSchema(db)).toEqual([]);
    const r = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'lattice' order by 1`.execute(
      db.kysely,
    );
    expect(r.rows.map((x) => x.table_name)).toEqual([
      'app_drafts',
      'app_versions',
      'apps',
      'audit_log',
      'autonumber_counters',
      'record_history',
      'schema_migrations',
    ]);
  });

  it('keeps the audit log append-only: updates, deletes and truncates fail, inserts work', async () => {
    const clock = { now: () => new Date('2025-01-02T03:04:05Z') };
    await appendAudit(db.kysely, clock, {
      appId: 'a1',
      actor: 'u1',
      action: 'record.update',
      ip: '10.0.0.1',
    });
    const table = sql.table(AUDIT_LOG);
    for (const attempt of [
      sql`update ${table} set actor = 'someone else'`,
      sql`delete from ${table}`,
      sql`truncate ${table}`,
    ]) {
      await expect(attempt.execute(db.kysely)).rejects.toThrow(/append-only/);
    }
    const rows = await db.kysely.selectFrom(AUDIT_LOG).select(['actor', 'action']).execute();
    expect(rows).toEqual([{ actor: 'u1', action: 'record.update' }]);
  });

  it('serializes concurrent transactions without losing increments', async () => {
    await sql`create table public.counter (n integer not null)`.execute(db.kysely);
    await sql`insert into public.counter values (0)`.execute(db.kysely);
    await Promise.all(
      Array.from({ length: 8 }, () =>
        db.kysely.transaction().execute(async (trx) => {
          await sql`update public.counter set n = n + 1`.execute(trx);
        }),
      ),
    );
    const r = await sql<{ n: number }>`select n from public.counter`.execute(db.kysely);
    expect(r.rows[0]?.n).toBe(8);
  });

  it('rolls a failed transaction back', async () => {
    await sql`create table public.t_rollback (n integer)`.execute(db.kysely);
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await sql`insert into public.t_rollback values (1)`.execute(trx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const r = await sql<{ c: number }>`select count(*)::int as c from public.t_rollback`.execute(db.kysely);
    expect(r.rows[0]?.c).toBe(0);
  });
});
