import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, generateCreditCode } from '@lattice/engine';
import {
  createAppStore,
  type LatticeDb,
  migrateSystemSchema,
  openTestDatabase,
  testDatabaseKinds,
} from '@lattice/engine/storage';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../testing/test-server';
import { createImportStore, type ImportStore } from './import-store';
import { migrateImportSchema } from './migrate-import-schema';
import { runImport } from './run-import';
import { importTestApp, queueCustomerCsvImport } from './testing/import-fixtures';

const APP = 'broken-app';
const GOOD_ROWS = 40;

describe.each(testDatabaseKinds())('a file that breaks after several batches on %s', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'lattice-import-broken-'));
  const clock = fakeClock();
  let db: LatticeDb;
  let store: ImportStore;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await migrateSystemSchema(db);
    await migrateImportSchema(db);
    const ctx = { actor: { id: 'u_admin', username: 'admin', roles: ['admin'] }, clock };
    const apps = createAppStore(db);
    await apps.createApp(ctx, importTestApp(APP));
    await apps.publish(APP, {}, ctx);
    store = createImportStore(db, clock);
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const queueImport = (file: string, onError: 'skip' | 'abort') =>
    queueCustomerCsvImport(createAppStore(db), store, APP, file, { onError });

  /** 40 good rows, then a quote that never closes: the reader fails after eight batches of five. */
  function writeBrokenCsv(name: string, seed: number): string {
    const rng = createRng(seed);
    const lines = Array.from(
      { length: GOOD_ROWS },
      (_, i) => `${generateCreditCode(rng, '320500')},客户${seed}-${i}`,
    );
    const file = join(dir, name);
    writeFileSync(file, `统一社会信用代码,客户名称\n${lines.join('\n')}\n"${'x'.repeat(5000)}\n`);
    return file;
  }

  const run = (id: string) =>
    runImport({ db, appStore: createAppStore(db), clock, store, limits: LIMITS }, id, {
      workerId: 'w1',
      batchSize: 5,
    });
  const LIMITS = { maxUncompressedBytes: 1024 * 1024, maxRecordChars: 1000 };
  const stored = async () =>
    Number(
      (
        await sql<{ n: string }>`select count(*) as n from ${sql.table('app_broken_app.customer')}`.execute(
          db.kysely,
        )
      ).rows[0]!.n,
    );

  it('keeps every batch read before the break, written in full before the job is marked failed', async () => {
    const before = await stored();
    const done = await run(await queueImport(writeBrokenCsv('skip.csv', 1), 'skip'));
    expect(done).toMatchObject({
      status: 'failed',
      checkpointRow: GOOD_ROWS + 1,
      rowsDone: GOOD_ROWS,
      counts: { inserted: GOOD_ROWS, failed: 0 },
    });
    expect(done!.message?.en).toMatch(/CSV row 42 cannot be parsed/);
    expect(await stored()).toBe(before + GOOD_ROWS);
  });

  it('writes nothing in all-or-nothing mode', async () => {
    const before = await stored();
    const done = await run(await queueImport(writeBrokenCsv('abort.csv', 2), 'abort'));
    expect(done?.status).toBe('failed');
    expect(done!.message?.en).toMatch(/CSV row 42 cannot be parsed/);
    expect(await stored()).toBe(before);
  });
});
