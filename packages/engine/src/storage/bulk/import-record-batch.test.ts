import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findEntity } from '../../model/app';
import type { EntityDoc } from '../../model/entity';
import { createAppStore } from '../app-store/create-app-store';
import type { AppStore, LatticeDb, RecordEvent } from '../contracts';
import { openTestDatabase, testDatabaseKinds } from '../open-test-database';
import { createRecordService } from '../record-service/create-record-service';
import { fixedClock, sampleApp, testContext } from '../testing/sample-app';
import { type ImportBatchOptions, importRecordBatch, newImportBatchState } from './import-record-batch';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const APP = 'imp-crm';

describe.each(testDatabaseKinds())('importRecordBatch on %s', (kind) => {
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

  async function run(
    entityName: string,
    rows: { row: number; input: Record<string, unknown> }[],
    opts: Partial<ImportBatchOptions> = {},
  ) {
    const live = await apps.getLive(APP);
    const entity = findEntity(live.definition, entityName) as EntityDoc;
    return db.kysely.transaction().execute((trx) =>
      importRecordBatch(trx, ctx, live, entity, rows, {
        mode: 'insert',
        key: [],
        state: newImportBatchState(),
        source: 'import:test',
        headers: new Map(),
        ...opts,
      }),
    );
  }

  const count = async (table: string) =>
    Number(
      (
        await sql<{ n: string }>`select count(*) as n from ${sql.table(`app_imp_crm.${table}`)}`.execute(
          db.kysely,
        )
      ).rows[0]!.n,
    );

  it('inserts valid rows in one statement and reports bad ones per cell', async () => {
    const r = await run('customer', [
      { row: 2, input: { name: '华东机械', tax_no: 'T1', level: 'a', credit_limit: 1000 } },
      { row: 3, input: { name: '华南电子', tax_no: 'T2', credit_limit: -5 } },
      { row: 4, input: { name: '华北重工', tax_no: 'T3', level: 'z' } },
    ]);
    expect(r).toMatchObject({ inserted: 1, updated: 0, failedRows: [3, 4] });
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'credit_limit'],
      [4, 'level'],
    ]);
    const rec = (await createRecordService(db, apps).list(ctx, APP, 'customer', {})).items[0]!;
    expect(rec).toMatchObject({
      name: '华东机械',
      level: 'a',
      credit_limit: 1000,
      double_limit: 2000,
      version: 1,
    });
    expect(String(rec.code)).toMatch(/^CUS-2024-\d{4}$/);
  });

  it('upserts by key: updates changed rows with history, counts unchanged ones, inserts the rest', async () => {
    const r = await run(
      'customer',
      [
        { row: 2, input: { tax_no: 'T1', name: '华东机械', level: 'b' } },
        { row: 3, input: { tax_no: 'T9', name: '西部机电' } },
      ],
      { mode: 'upsert', key: ['tax_no'] },
    );
    expect(r).toMatchObject({ inserted: 1, updated: 1, unchanged: 0, failedRows: [] });
    const again = await run('customer', [{ row: 2, input: { tax_no: 'T1', level: 'b' } }], {
      mode: 'upsert',
      key: ['tax_no'],
    });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    const hist = await sql<{ field: string; source: string }>`select field, source from lattice.record_history
      where app_id = ${APP} and field = 'level'`.execute(db.kysely);
    expect(hist.rows).toEqual([{ field: 'level', source: 'import:test' }]);
  });

  it('reports keys duplicated inside the file and clashes with stored rows instead of merging', async () => {
    const state = newImportBatchState();
    const r = await run(
      'customer',
      [
        { row: 2, input: { tax_no: 'T20', name: '甲' } },
        { row: 3, input: { tax_no: 'T20', name: '乙' } },
        { row: 4, input: { tax_no: 'T21', name: '华东机械' } },
      ],
      { mode: 'upsert', key: ['tax_no'], state },
    );
    expect(r.failedRows).toEqual([3, 4]);
    expect(r.errors[0]!.reason.en).toContain('row 2');
    expect(r.errors[1]!.reason.en).toContain('already used');
    const next = await run('customer', [{ row: 9, input: { tax_no: 'T20', name: '丙' } }], {
      mode: 'upsert',
      key: ['tax_no'],
      state,
    });
    expect(next.failedRows).toEqual([9]);
  });

  it('resolves references by title or unique key and reports unknown and ambiguous ones', async () => {
    const r = await run('deal', [
      {
        row: 2,
        input: { title: 'd1', customer: '华东机械', tags: ['hot', 'big'], close_date: '2024-06-01' },
      },
      { row: 3, input: { title: 'd2', customer: 'T9' } },
      { row: 4, input: { title: 'd3', customer: '不存在' } },
    ]);
    expect(r).toMatchObject({ inserted: 2, failedRows: [4] });
    expect(r.errors[0]!.reason.zh).toContain('不存在');
    const deals = await createRecordService(db, apps).list(ctx, APP, 'deal', {});
    const d1 = deals.items.find((d) => d.title === 'd1')!;
    expect(d1.tags).toEqual(['hot', 'big']);
    expect(d1.close_date).toBe('2024-06-01');
  });

  it('writes nothing on a dry run and emits per-row events when asked', async () => {
    const before = await count('customer');
    const dry = await run('customer', [{ row: 2, input: { name: '新客户', tax_no: 'T30' } }], {
      dryRun: true,
    });
    expect(dry.inserted).toBe(1);
    expect(await count('customer')).toBe(before);
    const events: RecordEvent[] = [];
    await run('customer', [{ row: 2, input: { name: '新客户', tax_no: 'T30' } }], {
      onEvent: async (_t, _c, _a, e) => {
        events.push(e);
      },
    });
    expect(events.map((e) => [e.type, e.record.name])).toEqual([['created', '新客户']]);
  });
});
