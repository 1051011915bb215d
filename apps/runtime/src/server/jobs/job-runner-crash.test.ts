import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@lattice/engine/storage';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeClock } from '../testing/test-server';
import { createJobQueue } from './job-queue';
import { createJobRunner } from './job-runner';
import { migrateJobsSchema } from './migrate-jobs-schema';

const CHILD = fileURLToPath(new URL('./testing/killable-worker.ts', import.meta.url));

/** Starts the worker process and resolves once it is in the middle of a job. */
function startChildMidJob(target: string, nowIso: string) {
  const child = fork(CHILD, [target, nowIso], { execArgv: ['--import', 'tsx'], stdio: 'pipe' });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const midJob = new Promise<void>((resolve, reject) => {
    child.on('message', (m) => (m === 'started' ? resolve() : undefined));
    child.on('exit', (code) =>
      reject(new Error(`worker exited (${code}) before starting the job: ${stderr}`)),
    );
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, midJob, exited };
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
}

const adminUrl = process.env.TEST_DATABASE_URL;
const targets: ['pglite' | 'postgres'][] = adminUrl ? [['pglite'], ['postgres']] : [['pglite']];

describe.each(targets)('a killed worker on %s', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'lattice-jobs-'));
  const dbName = `lattice_t_crash_${process.pid}`;
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (kind === 'postgres' && adminUrl) await dropDatabase(adminUrl, dbName);
  });

  it('loses no job: after a restart the job completes exactly once', async () => {
    const target = kind === 'postgres' ? await createDatabase(adminUrl!, dbName) : join(dir, 'pglite');
    const clock = fakeClock();
    const open = () => openDatabase(kind === 'postgres' ? { url: target } : { dataDir: target });

    let db = await open();
    await migrateJobsSchema(db);
    await sql`create table public.job_effects (job_id uuid not null, worker text not null)`.execute(
      db.kysely,
    );
    const id = await createJobQueue(db, { clock }).enqueue(db.kysely, {
      appId: 'app1',
      kind: 'rule.timer',
      payload: { rule: 'r', entity: 'e', recordId: 'x', dueAt: '' },
      idempotencyKey: 'crash-me',
    });
    // PGlite is one process's file: hand it over to the worker.
    if (kind === 'pglite') await db.close();

    const { child, midJob, exited } = startChildMidJob(target, clock.now().toISOString());
    await midJob;
    child.kill('SIGKILL');
    await exited;

    if (kind === 'pglite') db = await open();
    const queue = createJobQueue(db, { clock });
    expect(await queue.get(id)).toMatchObject({ status: 'running', attempts: 1 });
    const runner = createJobRunner({ db, queue, clock, workerId: 'restarted' });
    runner.register('rule.timer', async ({ job, trx }) => {
      await sql`insert into public.job_effects values (${job.id}, 'restarted')`.execute(trx);
    });
    expect(await runner.drain()).toBe(0);
    clock.advance(60_001);
    expect(await runner.drain()).toBe(1);
    expect(await queue.get(id)).toMatchObject({ status: 'done', attempts: 2 });
    const effects = await sql<{ worker: string }>`select worker from public.job_effects`.execute(db.kysely);
    expect(effects.rows).toEqual([{ worker: 'restarted' }]);
    await db.close();
  });
});
