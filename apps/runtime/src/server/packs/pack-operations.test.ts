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
import { fakeClock } from '../testing/test-server';
import { exportPack } from './export-pack';
import { installPack } from './install-pack';
import { migratePacksSchema } from './migrate-packs-schema';
import type { PackDeps } from './pack-deps';
import { type Doc, testPackFiles } from './pack-files.test-helper';
import { getPackInstall } from './pack-installs';
import { previewPackUpgrade, upgradePack } from './upgrade-pack';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const APP = 'test-crm';
const OWNER_ID = '11111111-1111-4111-8111-111111111111';

async function packErrorPaths(run: () => Promise<unknown>): Promise<string[]> {
  try {
    await run();
  } catch (e) {
    if (e instanceof LatticeError) return e.details.map((d) => `${e.code} ${d.path}`);
    throw e;
  }
  throw new Error('expected the pack operation to be refused');
}

const v020 = (version = '0.2.0') =>
  testPackFiles(version, (docs: Record<string, Doc>) => {
    const customer = docs['entities/customer.json']!;
    customer.fields[0].label = { zh: '客户名称', en: 'Customer name' };
    customer.fields[1].label = { zh: '客户等级', en: 'Customer tier' };
    customer.fields.push({
      id: 'industry',
      name: 'industry',
      type: 'text',
      label: { zh: '行业', en: 'Industry' },
    });
  });

describe.each(testDatabaseKinds())('pack install / upgrade / export on %s', (kind) => {
  let db: LatticeDb;
  let deps: PackDeps;
  const clock = fakeClock();
  const rc: RequestContext = {
    actor: { id: 'installer', username: 'admin', roles: ['admin'], system: true },
    clock,
  };
  const count = async (table: string) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`app_test_crm.${table}`)}`.execute(
        db.kysely,
      )
    ).rows[0]!.n;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await migratePacksSchema(db);
    deps = {
      db,
      clock,
      appStore: createAppStore(db, { livePointerTtlMs: 0 }),
      users: { list: async () => [{ id: OWNER_ID, username: 'seed_owner' }] },
    };
  });
  afterAll(async () => {
    await db.close();
  });

  it('refuses broken packs naming the document and path, and installs nothing', async () => {
    const broken = [
      testPackFiles('0.1.0', (d) => {
        d['views/customer_list.json']!.entity = 'client';
      }),
      testPackFiles('0.1.0', (d) => {
        d['entities/customer.json']!.fields[0].type = 'txt';
      }),
      testPackFiles('0.1.0', (d) => {
        d['rules/key_is_vip.json']!.trigger.field = 'grade';
      }),
      {
        ...testPackFiles(),
        'pack.json': JSON.stringify({
          id: 'test-crm',
          name: { zh: '测', en: 'T' },
          version: '0.1.0',
          engine: '>=2.0.0',
        }),
      },
      {
        ...testPackFiles(),
        'pack.json': JSON.stringify({
          id: 'test-crm',
          name: { zh: '测', en: 'T' },
          version: '0.1.0',
          engine: '>=0.1.0',
          dependencies: { 'base-crm': '^1.0.0' },
        }),
      },
      { ...testPackFiles(), 'pack.json': '{ "id": "test-crm", ' },
      {
        ...testPackFiles(),
        'pack.json': JSON.stringify({
          id: 'test-crm',
          name: { zh: '测' },
          version: '1.0',
          engine: '>=0.1.0',
        }),
      },
    ];
    const paths = [];
    for (const files of broken) paths.push(await packErrorPaths(() => installPack(deps, rc, { files })));
    expect(paths[0]).toContain('LATTICE_ERR_PACK views/customer_list.json:entity');
    expect(paths[1]).toContain('LATTICE_ERR_PACK entities/customer.json:fields.0.type');
    expect(paths[2]!.some((p) => p.startsWith('LATTICE_ERR_PACK rules/key_is_vip.json:trigger.field'))).toBe(
      true,
    );
    expect(paths[3]).toEqual(['LATTICE_ERR_PACK pack.json:engine']);
    expect(paths[4]).toEqual(['LATTICE_ERR_PACK pack.json:dependencies.base-crm']);
    expect(paths[5]!.every((p) => p === 'LATTICE_ERR_PACK pack.json')).toBe(true);
    expect(paths[6]).toEqual(['LATTICE_ERR_PACK pack.json:name.en', 'LATTICE_ERR_PACK pack.json:version']);
    expect(await deps.appStore.listApps()).toEqual([]);
  });

  it('installs app, pack base and seed in one transaction, resolving seed usernames to user ids', async () => {
    const progress: number[] = [];
    const result = await installPack(
      deps,
      rc,
      { files: testPackFiles() },
      { seed: 'demo', onProgress: (p) => progress.push(p.done) },
    );
    expect(result).toMatchObject({ appId: APP, version: '0.1.0', appVersion: 1, documents: 4 });
    expect(result.seed).toEqual({ records: 12, skipped: 0, unresolvedUsers: [] });
    expect(progress.at(-1)).toBe(12);
    expect(await count('customer')).toBe(4);
    expect(await count('contact')).toBe(8);
    const owners = await sql<{ owner: string }>`select distinct owner from app_test_crm.customer`.execute(
      db.kysely,
    );
    expect(owners.rows).toEqual([{ owner: OWNER_ID }]);
    expect((await getPackInstall(db.kysely, APP))?.manifest.version).toBe('0.1.0');
  });

  it('refuses a second install of the same app', async () => {
    expect(await packErrorPaths(() => installPack(deps, rc, { files: testPackFiles() }))).toEqual([
      'LATTICE_ERR_PACK app.json:id',
    ]);
  });

  it('refuses a downgrade or the same version', async () => {
    expect(await packErrorPaths(() => previewPackUpgrade(deps, { files: testPackFiles('0.1.0') }))).toEqual([
      'LATTICE_ERR_PACK pack.json:version',
    ]);
    expect(await packErrorPaths(() => previewPackUpgrade(deps, { files: testPackFiles('0.0.9') }))).toEqual([
      'LATTICE_ERR_PACK pack.json:version',
    ]);
    const liveBefore = (await deps.appStore.getLive(APP)).version;
    expect(await packErrorPaths(() => upgradePack(deps, rc, { files: testPackFiles('0.0.9') }))).toEqual([
      'LATTICE_ERR_PACK pack.json:version',
    ]);
    expect((await deps.appStore.getLive(APP)).version).toBe(liveBefore);
    expect((await getPackInstall(db.kysely, APP))?.manifest.version).toBe('0.1.0');
  });

  it('upgrades with a three-way merge: keeps user records, added fields and changed labels', async () => {
    // The user customises the app: a new field, and a changed label of a field the new version relabels too.
    const live = (await deps.appStore.getLive(APP)).definition;
    const customised = structuredClone(live);
    const customer = customised.documents.find((d) => d.kind === 'entity' && d.name === 'customer') as Doc;
    customer.fields.push({ id: 'wechat', name: 'wechat', type: 'text', label: { zh: '微信', en: 'WeChat' } });
    customer.fields[1].label = { zh: '价值等级', en: 'Value tier' };
    await deps.appStore.saveDraft(rc, APP, customised);
    await deps.appStore.publish(APP, { note: 'user customisation' }, rc);
    const records = createRecordService(db, deps.appStore);
    const mine = await records.create(rc, APP, 'customer', { name: '用户自建客户', wechat: 'wx-1' });

    const preview = await previewPackUpgrade(deps, { files: v020() });
    expect(preview.from.version).toBe('0.1.0');
    expect(preview.to.version).toBe('0.2.0');
    expect(preview.problems).toEqual([]);
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        { op: 'add_field', doc: 'entity:customer', field: 'industry' },
        { op: 'update_field', doc: 'entity:customer', field: 'name', keys: ['label'] },
        { op: 'keep_user', doc: 'entity:customer', field: 'tier', key: 'label', reason: 'user_changed' },
      ]),
    );

    const applied = await upgradePack(deps, rc, { files: v020() });
    expect(applied.appVersion).toBe(3);
    const after = (await deps.appStore.getLive(APP)).definition;
    const fields = (after.documents.find((d) => d.kind === 'entity' && d.name === 'customer') as Doc).fields;
    const byId = Object.fromEntries(fields.map((f: Doc) => [f.id, f]));
    expect(byId.name.label.en).toBe('Customer name');
    expect(byId.tier.label.en).toBe('Value tier');
    expect(byId.wechat).toBeDefined();
    expect(byId.industry).toBeDefined();
    expect(await count('customer')).toBe(5);
    const kept = await records.get(rc, APP, 'customer', mine.id);
    expect(kept.wechat).toBe('wx-1');
    expect((await getPackInstall(db.kysely, APP))?.manifest.version).toBe('0.2.0');
  });

  it('leaves everything unchanged when an upgrade fails to publish', async () => {
    // Narrowing a filled text field to an integer is lossy: publish refuses it without confirmation.
    const v030 = testPackFiles('0.3.0', (d) => {
      d['entities/contact.json']!.fields[0].type = 'integer';
    });
    await expect(upgradePack(deps, rc, { files: v030 })).rejects.toMatchObject({
      code: 'LATTICE_ERR_LOSSY_CHANGE',
    });
    expect((await getPackInstall(db.kysely, APP))?.manifest.version).toBe('0.2.0');
    expect((await deps.appStore.listVersions(APP)).length).toBe(3);
  });

  it('exports the live app as a bundle that installs elsewhere with the user customisations', async () => {
    const { manifest, bundle, fileName } = await exportPack(deps, APP);
    expect(manifest).toMatchObject({ id: 'test-crm', version: '0.2.1' });
    expect(fileName).toBe('test-crm-0.2.1.lattice-pack.json');
    const other = await openTestDatabase(kind);
    try {
      await migratePacksSchema(other);
      const otherDeps = { ...deps, db: other, appStore: createAppStore(other) };
      const result = await installPack(otherDeps, rc, { bundle }, { seed: 'demo' });
      expect(result.version).toBe('0.2.1');
      const def = (await otherDeps.appStore.getLive(APP)).definition;
      const customer = def.documents.find((d) => d.kind === 'entity' && d.name === 'customer') as Doc;
      expect(customer.fields.map((f: Doc) => f.id)).toEqual(expect.arrayContaining(['wechat', 'industry']));
    } finally {
      await other.close();
    }
  });

  it('moves the pack base on without publishing when the new version changes no document', async () => {
    const before = (await deps.appStore.listVersions(APP)).length;
    const r = await upgradePack(deps, rc, { files: v020('0.2.5') });
    expect(r.changes).toEqual([]);
    expect((await deps.appStore.listVersions(APP)).length).toBe(before);
    expect((await getPackInstall(db.kysely, APP))?.manifest.version).toBe('0.2.5');
  });
});
