import { LatticeError } from '@lattice/engine';
import {
  createAppStore,
  createRecordService,
  type LatticeDb,
  openTestDatabase,
  type RequestContext,
  testDatabaseKinds,
} from '@lattice/engine/storage';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MFG_CRM_PACK_DIR } from '../demo/pack-demo-source';
import { fakeClock } from '../testing/test-server';
import { installPack } from './install-pack';
import { migratePacksSchema } from './migrate-packs-schema';
import type { PackDeps } from './pack-deps';
import { testPackFiles } from './pack-files.test-helper';
import { readPackFiles } from './read-pack-source';
import { upgradePack } from './upgrade-pack';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const APP = 'test-crm';
const OWNER_ID = '11111111-1111-4111-8111-111111111111';

/** The test pack at `version` with reference data: customers keyed by name (configuration-like records). */
function withReference(version: string, records: Record<string, unknown>[] | null): Record<string, string> {
  const files = testPackFiles(version);
  const manifest = { ...JSON.parse(files['pack.json']!), referenceSeed: 'reference' };
  const reference = {
    entities: [
      {
        entity: 'customer',
        key: ['name'],
        records,
        fields: { owner: { gen: 'const', value: 'seed_owner' } },
      },
    ],
  };
  return {
    ...files,
    'pack.json': JSON.stringify(manifest),
    ...(records ? { 'seed/reference.json': JSON.stringify(reference) } : {}),
  };
}

async function refusedPaths(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (e) {
    if (e instanceof LatticeError) return e.details.map((d) => `${e.code} ${d.path}`);
    throw e;
  }
  throw new Error('expected the pack operation to be refused');
}

describe.each(testDatabaseKinds())('pack reference data (referenceSeed) on %s', (kind) => {
  const clock = fakeClock();
  const rc: RequestContext = {
    actor: { id: 'installer', username: 'admin', roles: ['admin'], system: true },
    clock,
  };
  const opened: LatticeDb[] = [];
  const open = async (): Promise<PackDeps> => {
    const db = await openTestDatabase(kind);
    opened.push(db);
    await migratePacksSchema(db);
    return {
      db,
      clock,
      appStore: createAppStore(db, { livePointerTtlMs: 0 }),
      users: { list: async () => [{ id: OWNER_ID, username: 'seed_owner' }] },
    };
  };
  /** Live customers: name → tier. */
  const customers = async (deps: PackDeps) => {
    const rows = await sql<{ name: string; tier: string | null }>`select name, tier from app_test_crm.customer
      where deleted_at is null order by name`.execute(deps.db.kysely);
    return Object.fromEntries(rows.rows.map((r) => [r.name, r.tier]));
  };
  afterAll(async () => {
    for (const db of opened) await db.close();
  });

  describe('install', () => {
    let deps: PackDeps;
    beforeAll(async () => {
      deps = await open();
    });

    it('refuses a referenceSeed naming a missing seed file, with the path, and installs nothing', async () => {
      expect(
        await refusedPaths(() => installPack(deps, rc, { files: withReference('0.1.0', null) })),
      ).toEqual(['LATTICE_ERR_PACK pack.json:referenceSeed']);
      const files = withReference('0.1.0', [{ name: '样板客户' }]);
      expect(await refusedPaths(() => installPack(deps, rc, { files }, { seed: 'reference' }))).toEqual([
        'LATTICE_ERR_PACK seed/reference.json',
      ]);
      expect(await deps.appStore.listApps()).toEqual([]);
    });

    it('writes the reference data without any demo seed, in the install transaction', async () => {
      const files = withReference('0.1.0', [
        { name: '样板客户', tier: 'key' },
        { name: '普通客户', tier: 'normal' },
      ]);
      const r = await installPack(deps, rc, { files });
      expect(r.seed).toBeNull();
      expect(r.reference).toEqual({ records: 2, skipped: 0, unresolvedUsers: [] });
      expect(await customers(deps)).toEqual({ 普通客户: 'normal', 样板客户: 'key' });
      const owners = await sql<{ owner: string }>`select distinct owner from app_test_crm.customer`.execute(
        deps.db.kysely,
      );
      expect(owners.rows).toEqual([{ owner: OWNER_ID }]);
    });

    it('writes the reference data before the chosen demo seed', async () => {
      const other = await open();
      const files = withReference('0.1.0', [{ name: '样板客户', tier: 'key' }]);
      const r = await installPack(other, rc, { files }, { seed: 'demo' });
      expect(r.reference?.records).toBe(1);
      expect(r.seed?.records).toBe(12);
      expect(Object.keys(await customers(other))).toHaveLength(5);
    });
  });

  it('installs the manufacturing CRM pack without demo data with its care plans, so the care-plan rules have work', async () => {
    const deps = await open();
    const r = await installPack(deps, rc, { files: readPackFiles(MFG_CRM_PACK_DIR) });
    expect(r.seed).toBeNull();
    expect(r.reference).toMatchObject({ records: 8, skipped: 0 });
    const plans = await sql<{ stage: string; n: number }>`select stage, count(*)::int as n
      from app_mfg_crm.care_plan group by stage order by stage`.execute(deps.db.kysely);
    expect(plans.rows).toEqual([
      { stage: 'declining', n: 2 },
      { stage: 'mature', n: 2 },
      { stage: 'new', n: 2 },
      { stage: 'stable', n: 2 },
    ]);
    const customers = await sql<{ n: number }>`select count(*)::int as n from app_mfg_crm.customer`.execute(
      deps.db.kysely,
    );
    expect(customers.rows[0]!.n).toBe(0);
  });

  describe('upgrade', () => {
    let deps: PackDeps;
    beforeAll(async () => {
      deps = await open();
    });

    it('adds reference records an app installed before the pack had reference data lacks, not duplicating ones it holds', async () => {
      await installPack(deps, rc, { files: testPackFiles('0.1.0') });
      const records = createRecordService(deps.db, deps.appStore);
      await records.create(rc, APP, 'customer', { name: '样板客户', tier: 'normal' });
      const r = await upgradePack(deps, rc, {
        files: withReference('0.2.0', [
          { name: '样板客户', tier: 'key' },
          { name: '普通客户', tier: 'normal' },
        ]),
      });
      expect(r.referenceRecords).toBe(1);
      expect(await customers(deps)).toEqual({ 普通客户: 'normal', 样板客户: 'normal' });
    });

    it('adds a new version’s reference records once, keeping the user’s edits and deletions', async () => {
      const records = createRecordService(deps.db, deps.appStore);
      const listed = await records.list(rc, APP, 'customer', {});
      const byName = new Map(listed.items.map((c) => [String(c.name), c]));
      const plain = byName.get('普通客户')!;
      await records.update(rc, APP, 'customer', String(plain.id), { tier: 'key' }, Number(plain.version));
      await records.delete(rc, APP, 'customer', String(byName.get('样板客户')!.id));
      const v030 = (version: string) =>
        withReference(version, [
          { name: '样板客户', tier: 'key' },
          { name: '普通客户', tier: 'normal' },
          { name: '新增客户', tier: 'normal' },
        ]);
      expect((await upgradePack(deps, rc, { files: v030('0.3.0') })).referenceRecords).toBe(1);
      expect(await customers(deps)).toEqual({ 新增客户: 'normal', 普通客户: 'key' });
      expect((await upgradePack(deps, rc, { files: v030('0.3.1') })).referenceRecords).toBe(0);
      expect(await customers(deps)).toEqual({ 新增客户: 'normal', 普通客户: 'key' });
    });
  });
});
