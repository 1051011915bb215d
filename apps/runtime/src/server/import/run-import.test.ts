import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suggestMapping } from '@lattice/engine/import';
import {
  type AppStore,
  createAppStore,
  createRecordService,
  type LatticeDb,
  migrateSystemSchema,
  openTestDatabase,
  testDatabaseKinds,
} from '@lattice/engine/storage';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeClock } from '../testing/test-server';
import { createImportService, type ImportRunSettings, type ImportService } from './import-service';
import { createImportStore, type ImportStore } from './import-store';
import { migrateImportSchema } from './migrate-import-schema';
import type { ImportFinishedEvent } from './run-import';
import { CODES, importTestApp, writeXlsx, writeZipBomb } from './testing/import-fixtures';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const APP = 'imp-run';
const admin = { id: 'u_admin', username: 'admin', roles: ['admin'] };
const HEAD = ['统一社会信用代码', '客户名称', '行业', '员工人数', '年营业额', '合作起始日期', '备注'];

describe.each(testDatabaseKinds())('imports on %s', (kind) => {
  let db: LatticeDb;
  let apps: AppStore;
  let store: ImportStore;
  let service: ImportService;
  const finished: ImportFinishedEvent[] = [];
  const perRow: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'lattice-import-'));
  const clock = fakeClock();
  const ctx = { actor: { ...admin }, clock };

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await migrateSystemSchema(db);
    await migrateImportSchema(db);
    apps = createAppStore(db);
    await apps.createApp(ctx, importTestApp(APP));
    await apps.publish(APP, {}, ctx);
    store = createImportStore(db, clock);
    service = createImportService(
      {
        db,
        appStore: apps,
        clock,
        store,
        limits: { maxUncompressedBytes: 5 * 1024 * 1024, maxRecordChars: 4 * 1024 * 1024 },
        // Every .xlsx of these tests is read and converted on the worker thread, however small.
        xlsxWorkerMinBytes: 0,
        events: {
          onImportFinished: async (_t, _c, _a, e) => {
            finished.push(e);
          },
          onRecordEvent: async (_t, _c, _a, e) => {
            perRow.push(`${e.type}:${String(e.record.name)}`);
          },
        },
      },
      join(dir, 'uploads'),
      'test-worker',
    );
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function upload(name: string, entity = 'customer') {
    const { createReadStream } = await import('node:fs');
    return service.upload(admin, APP, entity, name.split('/').pop()!, createReadStream(name));
  }

  async function runFile(file: string, settings: Partial<ImportRunSettings> = {}, entity = 'customer') {
    const job = await upload(file, entity);
    const ins = await service.inspect(APP, job.id, settings.sheet);
    const app = await apps.getLive(APP);
    const ent = app.definition.documents.find((d) => d.kind === 'entity' && d.name === entity);
    await service.start(admin, APP, job.id, {
      mapping: suggestMapping(ent as never, ins.headers),
      mode: 'insert',
      onError: 'skip',
      ...settings,
    });
    await service.idle();
    return (await store.get(APP, job.id))!;
  }

  const customers = async (): Promise<Record<string, unknown>[]> =>
    (await createRecordService(db, apps).list(ctx, APP, 'customer', { limit: 200 })).items;

  it('imports an xlsx with a title row, formulas (cached values), Excel dates and 万 amounts; fires import_finished once', async () => {
    const file = join(dir, 'customers.xlsx');
    await writeXlsx(file, [
      { name: '说明', rows: [['本表为示例']] },
      {
        name: '客户',
        rows: [
          ['2024 年客户名单'],
          HEAD,
          [
            CODES[0],
            '华东机械',
            '机械装备',
            { formula: '100*2', result: 200 },
            '1.5万',
            new Date(Date.UTC(2024, 2, 5)),
            null,
          ],
          [CODES[1], '苏州精密', 'auto_parts', 50, 1200, '2024年3月6日', 'ok'],
          [null, null, null, null, null, null, null],
        ],
      },
    ]);
    const job = await runFile(file, { sheet: '客户' });
    expect(job).toMatchObject({
      status: 'done',
      headerRow: 2,
      counts: { inserted: 2, updated: 0, skipped: 1, failed: 0 },
    });
    const rows = await customers();
    expect(rows.find((r) => r.name === '华东机械')).toMatchObject({
      employees: 200,
      annual_revenue: 15000,
      industry: 'machinery',
      since: '2024-03-05',
    });
    expect(finished.filter((e) => e.importId === job.id)).toHaveLength(1);
    expect(perRow).toEqual([]);
  });

  it('reads files a real spreadsheet program wrote: a LibreOffice .xlsx and its GBK CSV export agree', async () => {
    // Made by LibreOffice Calc from testing/libreoffice/customers.fods (make-fixtures.sh): a producer other
    // than exceljs, with its own shared strings, styles and custom date formats (yyyy\年m\月d\日).
    const fixture = (name: string) =>
      fileURLToPath(new URL(`./testing/libreoffice/${name}`, import.meta.url));
    const xlsx = await upload(fixture('customers.xlsx'));
    const inspected = await service.inspect(APP, xlsx.id, '客户');
    expect(inspected).toMatchObject({ sheets: ['说明', '客户'], headerRow: 2, headers: HEAD });
    const job = await runFile(fixture('customers.xlsx'), { sheet: '客户' });
    // LibreOffice leaves the blank row out of the .xlsx altogether; its CSV export keeps it (,,,,,,).
    expect(job).toMatchObject({ status: 'done', counts: { inserted: 3, updated: 0, skipped: 0, failed: 1 } });
    const errors = await store.errors(APP, job.id);
    expect(new Set(errors.map((e) => `${e.row}:${e.field}`))).toEqual(
      new Set(['7:credit_code', '7:industry', '7:employees', '7:annual_revenue', '7:since']),
    );
    const byCode = async () => new Map((await customers()).map((r) => [r.credit_code, r]));
    const stored = await byCode();
    expect(stored.get('91440300MA5DXXXX1R')).toMatchObject({
      name: '深圳华强电子',
      industry: 'machinery',
      employees: 200,
      annual_revenue: 1250000,
      since: '2024-03-05',
      notes: '首批客户',
    });
    expect(stored.get('91330200MA2AXXXX72')).toMatchObject({
      industry: 'auto_parts',
      annual_revenue: 15000,
      since: '2024-03-06',
      notes: '第一行\n第二行',
    });
    expect(stored.get('91370200MA3CXXXX2E')).toMatchObject({
      industry: 'auto_parts',
      annual_revenue: 1200.5,
      since: '2023-12-31',
      notes: '联系人：赵镕',
    });
    // The same sheet saved as GBK CSV (dates as shown, "1,250,000" quoted) reads as the same records.
    const csv = await runFile(fixture('customers-gbk.csv'), { mode: 'upsert', key: ['credit_code'] });
    expect(csv).toMatchObject({ headerRow: 2, counts: { inserted: 0, updated: 0, skipped: 4, failed: 1 } });
    expect(await byCode()).toEqual(stored);
  });

  it('reads GBK CSV with semicolons, upserts by credit code, reports bad rows and keeps the good ones', async () => {
    const longText = 'x'.repeat(1024 * 1024);
    const csv = [
      HEAD.join(';'),
      `${CODES[0]};华东机械（更新）;机械装备;300;;;`,
      `${CODES[2]};北京重工;不存在的行业;10;;2024-02-30;`,
      `91110000100000000A;坏代码;;;;;`,
      `${CODES[2]};北京重工二;;;;;`,
      `${CODES[2]};北京重工三;;;;;${longText}`,
    ].join('\r\n');
    const file = join(dir, 'gbk.csv');
    writeFileSync(file, iconv.encode(csv, 'gb18030'));
    const job = await runFile(file, { mode: 'upsert', key: ['credit_code'], perRowTriggers: true });
    expect(job.counts).toEqual({ inserted: 1, updated: 1, skipped: 0, failed: 3 });
    const errors = await store.errors(APP, job.id);
    const reasons = errors.map((e) => `${e.row}:${e.field}`);
    expect(reasons).toEqual(expect.arrayContaining(['3:industry', '3:since', '4:credit_code', '6:notes']));
    expect(errors.find((e) => e.row === 6)!.value.length).toBeLessThan(300);
    expect(errors.find((e) => e.row === 4)!.reason.zh).toContain('校验位');
    expect((await customers()).find((r) => r.credit_code === CODES[0])!.name).toBe('华东机械（更新）');
    expect(perRow.sort()).toEqual(['created:北京重工二', 'updated:华东机械（更新）']);
  });

  it('reports a key repeated inside the file instead of merging it', async () => {
    const file = join(dir, 'dup.csv');
    writeFileSync(file, `${HEAD.join(',')}\n91350100M000100Y43,甲,,,,,\n91350100M000100Y43,乙,,,,,\n`);
    const job = await runFile(file, { mode: 'upsert', key: ['credit_code'] });
    expect(job.counts).toMatchObject({ updated: 1, failed: 1 });
    expect((await store.errors(APP, job.id))[0]!.reason.zh).toContain('第 2 行');
  });

  it('resolves order customers by credit code or name and explains unknown ones', async () => {
    const file = join(dir, 'orders.csv');
    writeFileSync(file, `订单名称,客户,金额\nA-1,${CODES[1]},100\nA-2,北京重工二,"1,000"\nA-3,无此客户,5\n`);
    const job = await runFile(file, {}, 'order');
    expect(job.counts).toMatchObject({ inserted: 2, failed: 1 });
    expect((await store.errors(APP, job.id))[0]).toMatchObject({ row: 4, column: '客户', value: '无此客户' });
  });

  it('all-or-nothing leaves the data exactly as before when one row is bad', async () => {
    const before = await customers();
    const file = join(dir, 'aon.csv');
    writeFileSync(file, `${HEAD.join(',')}\n${CODES[0]},改名,,,,,\n${CODES[2]},名字,不存在的行业,,,,\n`);
    const job = await runFile(file, { mode: 'upsert', key: ['credit_code'], onError: 'abort' });
    expect(job.status).toBe('failed');
    expect(job.counts).toMatchObject({ inserted: 0, updated: 0, failed: 1 });
    expect(job.message?.en).toContain('wrote nothing');
    expect(await customers()).toEqual(before);
  });

  it('refuses empty, header-only-free, corrupted, zip-bomb and oversized files and unknown sheets with clear errors', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(upload(empty)).rejects.toMatchObject({
      code: 'LATTICE_ERR_IMPORT',
      details: [{ message: { en: 'The file is empty' } }],
    });
    const corrupt = join(dir, 'corrupt.xlsx');
    writeFileSync(corrupt, 'PK\u0003\u0004 not really a zip');
    await expect(upload(corrupt)).rejects.toMatchObject({
      details: [{ message: { en: expect.stringContaining('corrupted') } }],
    });
    const bomb = join(dir, 'bomb.xlsx');
    writeZipBomb(bomb, 50 * 1024 * 1024);
    await expect(upload(bomb)).rejects.toMatchObject({
      details: [{ message: { en: expect.stringMatching(/zip bomb|limit/) } }],
    });
    const txt = join(dir, 'x.pdf');
    writeFileSync(txt, 'x');
    await expect(upload(txt)).rejects.toMatchObject({
      details: [{ message: { en: expect.stringContaining('Unsupported') } }],
    });
    const wb = join(dir, 'one.xlsx');
    await writeXlsx(wb, [{ name: 'A', rows: [HEAD] }]);
    const job = await upload(wb);
    await expect(service.inspect(APP, job.id, 'Nope')).rejects.toMatchObject({
      details: [{ path: 'sheet' }],
    });
  });

  it('finishes a header-only sheet with nothing to do, and reads merged cells as a value in the first cell only', async () => {
    const file = join(dir, 'header-only.xlsx');
    await writeXlsx(file, [{ name: 'S', rows: [HEAD] }]);
    expect(await runFile(file)).toMatchObject({
      status: 'done',
      rowsDone: 0,
      counts: { inserted: 0, failed: 0 },
    });
    const merged = join(dir, 'merged.xlsx');
    await writeXlsx(merged, [
      {
        name: 'S',
        rows: [HEAD, ['913100001000000007', '合并', null, null, null, null, null], [null, null]],
        merges: ['B2:B3'],
      },
    ]);
    const job = await runFile(merged);
    expect(job.counts).toMatchObject({ inserted: 1, skipped: 1 });
  });
});
