import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, generateCreditCode } from '@lattice/engine';
import { createAppStore, migrateSystemSchema, openDatabase } from '@lattice/engine/storage';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../testing/test-server';
import { createImportStore } from './import-store';
import { migrateImportSchema } from './migrate-import-schema';
import { runImport } from './run-import';
import { importTestApp, queueCustomerCsvImport } from './testing/import-fixtures';

const CHILD = fileURLToPath(new URL('./testing/killable-importer.ts', import.meta.url));
const APP = 'crash-app';
const ROWS = 30;

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const adminUrl = process.env.TEST_DATABASE_URL;
const targets: ['pglite' | 'postgres'][] = adminUrl ? [['pglite'], ['postgres']] : [['pglite']];

describe.each(targets)('an import killed mid-batch on %s', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'lattice-import-crash-'));
  const dbName = `lattice_t_icrash_${process.pid}`;
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (kind === 'postgres' && adminUrl)
      await withAdmin(adminUrl, (c) => c.query(`drop database if exists ${dbName} with (force)`));
  });

  it('resumes from the checkpoint: every row once, no duplicates, no gaps', {
    timeout: 120_000,
  }, async () => {
    let target = join(dir, 'pglite');
    if (kind === 'postgres' && adminUrl) {
      await withAdmin(adminUrl, async (c) => {
        await c.query(`drop database if exists ${dbName} with (force)`);
        await c.query(`create database ${dbName}`);
      });
      const url = new URL(adminUrl);
      url.pathname = `/${dbName}`;
      target = url.toString();
    }
    const open = () => openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
    const clock = fakeClock();
    const rng = createRng(7);
    const codes = Array.from({ length: ROWS }, () => generateCreditCode(rng, '320500'));
    const file = join(dir, 'customers.csv');
    writeFileSync(
      file,
      `统一社会信用代码,客户名称\n${codes.map((c, i) => `${c},客户${i + 2}`).join('\n')}\n`,
    );

    let db = await open();
    await migrateSystemSchema(db);
    await migrateImportSchema(db);
    const apps = createAppStore(db);
    const ctx = { actor: { id: 'u_admin', username: 'admin', roles: ['admin'] }, clock };
    await apps.createApp(ctx, importTestApp(APP));
    await apps.publish(APP, {}, ctx);
    let store = createImportStore(db, clock);
    const jobId = await queueCustomerCsvImport(apps, store, APP, file, {
      onError: 'skip',
      perRowTriggers: true,
    });
    await db.close();

    // Rows 2–6 and 7–11 commit; the child hangs inside the batch of rows 12–16 (at row 14) and is killed.
    const child = fork(CHILD, [target, jobId, clock.now().toISOString(), '14'], {
      execArgv: ['--import', 'tsx'],
      stdio: 'pipe',
    });
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    await new Promise<void>((resolve, reject) => {
      child.on('message', (m) => (m === 'mid-batch' ? resolve() : undefined));
      child.on('exit', (code) => reject(new Error(`importer exited (${code}) before the batch: ${stderr}`)));
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;

    db = await open();
    store = createImportStore(db, clock);
    const table = sql.table('app_crash_app.customer');
    const count = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from ${table}`.execute(db.kysely)).rows[0]!.n);
    const crashed = (await store.get(APP, jobId))!;
    expect(crashed).toMatchObject({
      status: 'running',
      checkpointRow: 11,
      rowsDone: 10,
      counts: { inserted: 10 },
    });
    expect(await count()).toBe(10);

    // The dead runner's lease has not expired yet: nobody may take the import over.
    expect(
      await runImport({ db, appStore: createAppStore(db), clock, store }, jobId, { workerId: 'parent' }),
    ).toBeNull();
    clock.advance(61_000);
    const done = await runImport({ db, appStore: createAppStore(db), clock, store }, jobId, {
      workerId: 'parent',
      batchSize: 5,
    });
    expect(done).toMatchObject({
      status: 'done',
      checkpointRow: ROWS + 1,
      rowsDone: ROWS,
      counts: { inserted: ROWS, updated: 0, failed: 0 },
    });
    const rows = await sql<{
      credit_code: string;
      name: string;
    }>`select credit_code, name from ${table} order by name`.execute(db.kysely);
    expect(rows.rows).toHaveLength(ROWS);
    expect(new Set(rows.rows.map((r) => r.credit_code))).toEqual(new Set(codes));
    await db.close();
  });
});
