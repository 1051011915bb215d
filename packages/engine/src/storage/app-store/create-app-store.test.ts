import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isLatticeError } from '../../errors';
import type { AppDefinition } from '../../model/app';
import type { EntityDoc } from '../../model/entity';
import type { AppStore, LatticeDb } from '../contracts';
import { openTestDatabase, testDatabaseKinds } from '../open-test-database';
import { createRecordService } from '../record-service/create-record-service';
import { sampleApp, testContext } from '../testing/sample-app';
import { createAppStore } from './create-app-store';

// Real databases on a shared CI box: allow for a slow schema migration or publish.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const ctx = testContext();

function entity(def: AppDefinition, name: string): EntityDoc {
  return def.documents.find((d): d is EntityDoc => d.kind === 'entity' && d.name === name)!;
}

async function columns(db: LatticeDb, schema: string, table: string) {
  const r = await sql<{ column_name: string; data_type: string }>`
    select column_name, data_type from information_schema.columns
    where table_schema = ${schema} and table_name = ${table} order by column_name`.execute(db.kysely);
  return Object.fromEntries(r.rows.map((x) => [x.column_name, x.data_type]));
}

async function caught(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isLatticeError(e)) return e;
    throw e;
  }
  throw new Error('expected a LatticeError');
}

describe.each(testDatabaseKinds())('app store on %s', (kind) => {
  let db: LatticeDb;
  let apps: AppStore;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    apps = createAppStore(db);
    await apps.createApp(ctx, sampleApp());
  });
  afterAll(async () => {
    await db.close();
  });

  it('creates typed entity tables with system columns on first publish', async () => {
    const preview = await apps.previewPublish('test-crm');
    expect(preview.fromVersion).toBeNull();
    expect(preview.changes.filter((c) => c.kind === 'add_entity').map((c) => c.entity)).toEqual([
      'customer',
      'contact',
      'deal',
    ]);
    const v = await apps.publish('test-crm', { note: 'first' }, ctx);
    expect(v.version).toBe(1);
    const cols = await columns(db, 'app_test_crm', 'customer');
    expect(cols).toMatchObject({
      id: 'uuid',
      app_id: 'text',
      version: 'integer',
      deleted_at: 'timestamp with time zone',
      f_name: 'text',
      f_credit: 'numeric',
      f_double: 'numeric',
      region: 'text',
    });
    expect(cols.f_deals).toBeUndefined();
    expect((await columns(db, 'app_test_crm', 'deal')).d_tags).toBe('ARRAY');
    expect((await apps.getLive('test-crm')).version).toBe(1);
  });

  it('enforces unique fields only among rows that are not soft-deleted', async () => {
    const t = 'app_test_crm.customer';
    const now = new Date();
    const row = { app_id: 'test-crm', created_at: now, updated_at: now, f_name: 'dup' };
    await db.kysely
      .insertInto(t)
      .values({ ...row, deleted_at: now })
      .execute();
    await db.kysely.insertInto(t).values(row).execute();
    await expect(db.kysely.insertInto(t).values(row).execute()).rejects.toMatchObject({ code: '23505' });
    await db.kysely.deleteFrom(t).execute();
  });

  it('refuses to publish when nothing changed', async () => {
    expect((await caught(apps.publish('test-crm', {}, ctx))).code).toBe('LATTICE_ERR_NOTHING_TO_PUBLISH');
  });

  it('renames a field by id without moving data', async () => {
    const now = new Date();
    await db.kysely
      .insertInto('app_test_crm.customer')
      .values({
        app_id: 'test-crm',
        created_at: now,
        updated_at: now,
        f_name: 'A',
        f_note: '12',
        f_tax: 'x1',
      })
      .execute();
    const draft = await apps.getDraft('test-crm');
    const f = entity(draft, 'customer').fields.find((x) => x.id === 'f_note')!;
    f.name = 'remark';
    await apps.saveDraft(ctx, 'test-crm', draft);
    const preview = await apps.previewPublish('test-crm');
    expect(preview.changes.map((c) => c.kind)).toEqual(['rename_field']);
    expect(preview.lossy).toBe(false);
    await apps.publish('test-crm', {}, ctx);
    const row = await db.kysely
      .selectFrom('app_test_crm.customer')
      .select('f_note')
      .executeTakeFirstOrThrow();
    expect(row.f_note).toBe('12');
  });

  it('previews a lossy type narrowing with counts and refuses it without confirmation', async () => {
    const now = new Date();
    await db.kysely
      .insertInto('app_test_crm.customer')
      .values({
        app_id: 'test-crm',
        created_at: now,
        updated_at: now,
        f_name: 'B',
        f_note: 'abc',
        f_tax: 'x2',
      })
      .execute();
    const draft = await apps.getDraft('test-crm');
    const c = entity(draft, 'customer');
    c.fields = c.fields.map((x) =>
      x.id === 'f_note' ? { id: 'f_note', name: 'remark', type: 'number', label: x.label } : x,
    );
    await apps.saveDraft(ctx, 'test-crm', draft);
    const preview = await apps.previewPublish('test-crm');
    expect(preview.lossy).toBe(true);
    const change = preview.changes.find((x) => x.kind === 'change_field')!;
    expect(change.lossReason?.en).toBe('1 records have values that do not convert');
    const err = await caught(apps.publish('test-crm', {}, ctx));
    expect(err.code).toBe('LATTICE_ERR_LOSSY_CHANGE');
    expect(err.details[0]?.path).toBe('customer.remark');
    expect((await columns(db, 'app_test_crm', 'customer')).f_note).toBe('text');
    expect((await apps.getLive('test-crm')).version).toBe(2);
  });

  it('applies a confirmed lossy change, converting what converts', async () => {
    const v = await apps.publish('test-crm', { confirmLossy: true, note: 'note → number' }, ctx);
    expect(v.version).toBe(3);
    expect((await columns(db, 'app_test_crm', 'customer')).f_note).toBe('numeric');
    const rows = await db.kysely
      .selectFrom('app_test_crm.customer')
      .select(['f_name', 'f_note'])
      .orderBy('f_name')
      .execute();
    expect(rows).toEqual([
      { f_name: 'A', f_note: 12 },
      { f_name: 'B', f_note: null },
    ]);
  });

  it('counts values of a dropped field and of a dropped entity', async () => {
    const draft = await apps.getDraft('test-crm');
    const c = entity(draft, 'customer');
    c.fields = c.fields.filter((x) => x.id !== 'f_tax');
    c.uniqueKeys = [];
    await apps.saveDraft(ctx, 'test-crm', draft);
    const preview = await apps.previewPublish('test-crm');
    const drop = preview.changes.find((x) => x.kind === 'drop_field')!;
    expect(drop).toMatchObject({ entity: 'customer', field: 'tax_no', lossy: true });
    expect(drop.lossReason?.en).toBe('2 records have a value in this field');
  });

  it('counts records that use a removed select option', async () => {
    const draft = await apps.getDraft('test-crm');
    const before = structuredClone(draft);
    const level = entity(draft, 'customer').fields.find((x) => x.id === 'f_level');
    if (level?.type !== 'select') throw new Error('fixture changed');
    level.options = level.options.filter((o) => o.value !== 'b');
    await apps.saveDraft(ctx, 'test-crm', draft);
    await db.kysely
      .updateTable('app_test_crm.customer')
      .set({ f_level: 'b' })
      .where('f_name', '=', 'A')
      .execute();
    const preview = await apps.previewPublish('test-crm');
    const change = preview.changes.find((x) => x.field === 'level')!;
    expect(change).toMatchObject({ kind: 'change_field', lossy: true });
    expect(change.lossReason?.en).toBe('1 records use a removed option');
    await apps.saveDraft(ctx, 'test-crm', before);
  });

  it('tells how many records are empty in a field that becomes required, without calling it lossy', async () => {
    const draft = await apps.getDraft('test-crm');
    const before = structuredClone(draft);
    const email = entity(draft, 'customer').fields.find((x) => x.id === 'f_email')!;
    email.required = true;
    await apps.saveDraft(ctx, 'test-crm', draft);
    const preview = await apps.previewPublish('test-crm');
    const change = preview.changes.find((x) => x.field === 'email')!;
    expect(change.lossy).toBe(false);
    expect(change.summary.en).toBe('Change field email (email → email); now required, 2 records are empty');
    await apps.saveDraft(ctx, 'test-crm', before);
  });

  it('rolls back to an old version as a new version', async () => {
    const v = await apps.rollback('test-crm', 1, ctx);
    expect(v.version).toBe(4);
    expect((await columns(db, 'app_test_crm', 'customer')).f_note).toBe('text');
    const live = await apps.getLive('test-crm');
    expect(entity(live.definition, 'customer').fields.find((x) => x.id === 'f_note')?.name).toBe('note');
    const versions = await apps.listVersions('test-crm');
    expect(versions.map((x) => [x.version, x.live])).toEqual([
      [4, true],
      [3, false],
      [2, false],
      [1, false],
    ]);
    expect(versions[0]?.note).toBe('rollback to v1');
    expect((await apps.getDraft('test-crm')).documents).toEqual(live.definition.documents);
  });

  it('refuses a lossy rollback without confirmation and leaves the draft alone', async () => {
    const draft = await apps.getDraft('test-crm');
    entity(draft, 'customer').fields.push({
      id: 'f_extra',
      name: 'extra',
      type: 'text',
      label: { zh: '额外', en: 'Extra' },
    });
    await apps.saveDraft(ctx, 'test-crm', draft);
    await apps.publish('test-crm', {}, ctx);
    await db.kysely.updateTable('app_test_crm.customer').set({ f_extra: 'kept' }).execute();
    const err = await caught(apps.rollback('test-crm', 4, ctx));
    expect(err.code).toBe('LATTICE_ERR_LOSSY_CHANGE');
    expect(err.details[0]?.path).toBe('customer.extra');
    expect(entity(await apps.getDraft('test-crm'), 'customer').fields.some((f) => f.id === 'f_extra')).toBe(
      true,
    );
    expect((await apps.getLive('test-crm')).version).toBe(5);
  });

  it('recomputes stored formula values for existing rows when a formula is added', async () => {
    const draft = await apps.getDraft('test-crm');
    entity(draft, 'customer').fields.push({
      id: 'f_shout',
      name: 'shout',
      type: 'formula',
      label: { zh: '大写', en: 'Shout' },
      resultType: 'text',
      expression: { cat: [{ var: 'name' }, '!'] },
    });
    await apps.saveDraft(ctx, 'test-crm', draft);
    await apps.publish('test-crm', {}, ctx);
    const rows = await db.kysely
      .selectFrom('app_test_crm.customer')
      .select(['f_name', 'f_shout'])
      .orderBy('f_name')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.f_shout === `${String(r.f_name)}!`)).toBe(true);
  });

  it('numbers existing rows, oldest first, when an autonumber field is added', async () => {
    const draft = await apps.getDraft('test-crm');
    entity(draft, 'customer').fields.push({
      id: 'f_no',
      name: 'customer_no',
      type: 'autonumber',
      label: { zh: '客户号', en: 'Customer no' },
      pattern: 'C{0000}',
    });
    await apps.saveDraft(ctx, 'test-crm', draft);
    await apps.publish('test-crm', {}, ctx);
    const rows = await db.kysely
      .selectFrom('app_test_crm.customer')
      .select('f_no')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.f_no)).toEqual(rows.map((_, i) => `C${String(i + 1).padStart(4, '0')}`));
  });

  it('forgets a live definition whose publish was rolled back with the caller transaction', async () => {
    const base = await apps.getLive('test-crm');
    const draft = await apps.getDraft('test-crm');
    entity(draft, 'deal').fields.push({
      id: 'd_first',
      name: 'first_try',
      type: 'text',
      label: { zh: '一', en: 'One' },
    });
    await apps.saveDraft(ctx, 'test-crm', draft);
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await apps.publish('test-crm', { trx }, ctx);
        expect((await apps.getLive('test-crm', { trx })).version).toBe(base.version + 1);
        throw new Error('abort install');
      }),
    ).rejects.toThrow('abort install');
    expect((await apps.getLive('test-crm')).version).toBe(base.version);
    entity(draft, 'deal').fields.pop();
    entity(draft, 'deal').fields.push({
      id: 'd_second',
      name: 'second_try',
      type: 'text',
      label: { zh: '二', en: 'Two' },
    });
    await apps.saveDraft(ctx, 'test-crm', draft);
    await apps.publish('test-crm', {}, ctx);
    const live = await apps.getLive('test-crm');
    expect(live.version).toBe(base.version + 1);
    expect(entity(live.definition, 'deal').fields.map((f) => f.id)).toContain('d_second');
    expect(entity(live.definition, 'deal').fields.map((f) => f.id)).not.toContain('d_first');
  });

  it('lets another instance reuse its live pointer for plain reads, never inside a transaction', async () => {
    const other = createAppStore(db, { livePointerTtlMs: 60_000 });
    const otherRecords = createRecordService(db, other);
    const addScratch = async (add: boolean) => {
      const draft = await apps.getDraft('test-crm');
      const deal = entity(draft, 'deal');
      deal.fields = deal.fields.filter((f) => f.id !== 'd_scratch');
      if (add)
        deal.fields.push({
          id: 'd_scratch',
          name: 'scratch',
          type: 'text',
          label: { zh: '草', en: 'Scratch' },
        });
      await apps.saveDraft(ctx, 'test-crm', draft);
      return apps.publish('test-crm', { confirmLossy: true }, ctx);
    };
    const added = await addScratch(true);
    expect((await other.getLive('test-crm')).version).toBe(added.version);
    const dropped = await addScratch(false);
    // The other instance still remembers the layout with `scratch`…
    expect((await other.getLive('test-crm')).version).toBe(added.version);
    // …but a transaction always sees what is live, and a read built on the old layout retries on the new one.
    await db.kysely.transaction().execute(async (trx) => {
      expect((await other.getLive('test-crm', { trx })).version).toBe(dropped.version);
    });
    // A list sorted by the dropped field: rebuilt on the new layout, it is an unknown field, not a SQL error.
    const err = await caught(
      otherRecords.list(ctx, 'test-crm', 'deal', { sort: [{ field: 'scratch', dir: 'asc' }] }),
    );
    expect(err.code).toBe('LATTICE_ERR_VALIDATION');
    expect((await other.getLive('test-crm')).version).toBe(dropped.version);
  });

  it('validates the whole app document on save', async () => {
    const draft = await apps.getDraft('test-crm');
    entity(draft, 'customer').titleField = 'nope';
    const err = await caught(apps.saveDraft(ctx, 'test-crm', draft));
    expect(err.code).toBe('LATTICE_ERR_VALIDATION');
    expect(err.details.map((d) => d.path)).toEqual(['documents.0.titleField']);
  });

  it('refuses bad identifiers before any SQL runs', async () => {
    const def = sampleApp('evil');
    const c = entity(def, 'customer');
    c.fields[0] = { ...c.fields[0]!, name: 'x; drop table' } as (typeof c.fields)[number];
    const err = await caught(apps.createApp(ctx, def));
    expect(err.code).toBe('LATTICE_ERR_VALIDATION');
    expect(err.details.map((d) => d.path)).toContain('documents.0.fields.0.name');
    const draft = await apps.getDraft('test-crm');
    entity(draft, 'deal').name = 'deal"; drop schema lattice cascade; --';
    const err2 = await caught(apps.saveDraft(ctx, 'test-crm', draft));
    expect(err2.details.map((d) => d.path)).toContain('documents.2.name');
    const schemas = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.schemata where schema_name = 'app_evil'`.execute(
      db.kysely,
    );
    expect(schemas.rows[0]?.n).toBe(0);
    expect((await apps.listApps()).map((a) => a.id)).toEqual(['test-crm']);
  });
});
