import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findEntity } from '../../model/app';
import type { EntityDoc } from '../../model/entity';
import { createAppStore } from '../app-store/create-app-store';
import type { AppStore, LatticeDb } from '../contracts';
import { openTestDatabase, testDatabaseKinds } from '../open-test-database';
import { createRecordService } from '../record-service/create-record-service';
import { fixedClock, sampleApp, testContext } from '../testing/sample-app';
import { insertSeedRecords, type SeedRow } from './insert-seed-records';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const APP = 'seed-crm';
const C1 = '00000000-0000-4000-8000-000000000001';
const C2 = '00000000-0000-4000-8000-000000000002';
const BAD = '00000000-0000-4000-8000-000000000003';

describe.each(testDatabaseKinds())('insertSeedRecords on %s', (kind) => {
  let db: LatticeDb;
  let apps: AppStore;
  const clock = fixedClock();
  const ctx = testContext('u_admin', clock);

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    apps = createAppStore(db);
    await apps.createApp(ctx, sampleApp(APP));
    await apps.publish(APP, {}, ctx);
  });
  afterAll(async () => {
    await db.close();
  });

  async function seed(entityName: string, rows: SeedRow[]) {
    const live = await apps.getLive(APP);
    const entity = findEntity(live.definition, entityName) as EntityDoc;
    return db.kysely
      .transaction()
      .execute((trx) => insertSeedRecords(trx, ctx, live, entity, rows, { source: 'pack:test@1.0.0' }));
  }

  it('keeps seed ids, created_at and updated_at, computes formulas and autonumbers, and skips invalid records', async () => {
    const result = await seed('customer', [
      {
        id: C1,
        name: '华东机电',
        credit_limit: 100,
        created_at: '2024-03-01T08:00:00.000Z',
        updated_at: '2024-09-01T08:00:00.000Z',
        owner: 'u_east',
      },
      { id: C2, name: '华南模具', region: 'south' },
      { id: BAD, credit_limit: 'lots', updated_at: 'someday' },
    ]);
    expect(result.inserted).toBe(2);
    expect(result.skipped.map((s) => s.id)).toEqual([BAD]);
    expect(result.skipped[0]!.errors.map((e) => e.path).sort()).toEqual([
      'credit_limit',
      'name',
      'updated_at',
    ]);

    const records = createRecordService(db, apps);
    const one = await records.get(ctx, APP, 'customer', C1);
    expect(one.name).toBe('华东机电');
    expect(one.double_limit).toBe(200);
    expect(one.created_at).toBe('2024-03-01T08:00:00.000Z');
    expect(one.updated_at).toBe('2024-09-01T08:00:00.000Z');
    expect(one.owner).toBe('u_east');
    expect(String(one.code)).toMatch(/2024/);
    const two = await records.get(ctx, APP, 'customer', C2);
    expect(two.region).toBe('south');
    expect(two.updated_at).toBe(clock.now().toISOString());
  });

  it('writes one audit row per batch and no history rows', async () => {
    const audit = await sql<{ n: number }>`select count(*)::int as n from lattice.audit_log
      where app_id = ${APP} and action = 'record.seed'`.execute(db.kysely);
    expect(audit.rows[0]!.n).toBe(1);
    const history = await sql<{ n: number }>`select count(*)::int as n from lattice.record_history
      where app_id = ${APP}`.execute(db.kysely);
    expect(history.rows[0]!.n).toBe(0);
  });

  it('rolls the whole batch back on a duplicate id', async () => {
    await expect(seed('customer', [{ id: C1, name: '重复' }])).rejects.toThrow();
    const n = await sql<{ n: number }>`select count(*)::int as n from app_seed_crm.customer`.execute(
      db.kysely,
    );
    expect(n.rows[0]!.n).toBe(2);
  });
});
