import type { LatticeDb } from '@lattice/engine/storage';
import { openTestDatabase, testDatabaseKinds } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeClock, fakeClock } from '../testing/test-server';
import { createJobQueue, JobLeaseLostError, type JobQueue } from './job-queue';
import { createJobRunner } from './job-runner';
import { JOBS_TABLE, migrateJobsSchema } from './migrate-jobs-schema';

describe.each(testDatabaseKinds())('durable jobs on %s', (kind) => {
  let db: LatticeDb;
  let clock: FakeClock;
  let queue: JobQueue;

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    await migrateJobsSchema(db);
    await migrateJobsSchema(db);
    await sql`create table public.job_effects (job_id uuid not null, worker text not null)`.execute(
      db.kysely,
    );
  });
  afterAll(async () => {
    await db.close();
  });
  beforeEach(async () => {
    await sql`delete from ${sql.table(JOBS_TABLE)}`.execute(db.kysely);
    await sql`delete from public.job_effects`.execute(db.kysely);
    clock = fakeClock();
    queue = createJobQueue(db, { clock, random: () => 0 });
  });

  const timerJob = (key: string, runAt?: Date) => ({
    appId: 'app1',
    kind: 'rule.timer' as const,
    payload: { rule: 'r', entity: 'e', recordId: key, dueAt: '' },
    idempotencyKey: key,
    ...(runAt ? { runAt } : {}),
  });

  it('enqueues inside the caller transaction, so a rolled-back write leaves no job', async () => {
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await queue.enqueue(trx, timerJob('k1'));
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    expect(await queue.list()).toHaveLength(0);
  });

  it('treats a repeated idempotency key as the same job', async () => {
    const a = await queue.enqueue(db.kysely, timerJob('same'));
    const b = await queue.enqueue(db.kysely, timerJob('same'));
    expect(b).toBe(a);
    expect(await queue.list()).toHaveLength(1);
  });

  it('runs a job only once it is due, and commits its work with the done mark', async () => {
    await queue.enqueue(db.kysely, timerJob('later', new Date(clock.now().getTime() + 60_000)));
    const runner = createJobRunner({ db, queue, clock, workerId: 'w1' });
    runner.register('rule.timer', async ({ job, trx }) => {
      await sql`insert into public.job_effects values (${job.id}, 'w1')`.execute(trx);
    });
    expect(await runner.drain()).toBe(0);
    clock.advance(60_000);
    expect(await runner.drain()).toBe(1);
    const [job] = await queue.list();
    expect(job).toMatchObject({ status: 'done', attempts: 1, lockedBy: null });
    const effects = await sql`select * from public.job_effects`.execute(db.kysely);
    expect(effects.rows).toHaveLength(1);
  });

  it('retries a failing job with exponential backoff, then dead-letters it with the error', async () => {
    const id = await queue.enqueue(db.kysely, { ...timerJob('flaky'), maxAttempts: 3 });
    const runner = createJobRunner({ db, queue, clock, workerId: 'w1' });
    runner.register('rule.timer', async ({ trx, job }) => {
      await sql`insert into public.job_effects values (${job.id}, 'w1')`.execute(trx);
      throw new Error('smtp down');
    });
    expect(await runner.drain()).toBe(1);
    let job = await queue.get(id);
    // base 10 s, attempt 1 → ceiling 10 s, equal jitter with random 0 → 5 s.
    expect(job).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Error: smtp down' });
    expect(job?.runAt.getTime()).toBe(clock.now().getTime() + 5_000);
    clock.advance(4_999);
    expect(await runner.drain()).toBe(0);
    clock.advance(1);
    expect(await runner.drain()).toBe(1);
    job = await queue.get(id);
    expect(job?.runAt.getTime()).toBe(clock.now().getTime() + 10_000);
    clock.advance(10_000);
    expect(await runner.drain()).toBe(1);
    job = await queue.get(id);
    expect(job).toMatchObject({ status: 'dead', attempts: 3, lastError: 'Error: smtp down' });
    clock.advance(3_600_000);
    expect(await runner.drain()).toBe(0);
    const effects = await sql`select * from public.job_effects`.execute(db.kysely);
    expect(effects.rows).toHaveLength(0);
    expect(await queue.retryDead(id)).toBe(true);
    expect(await queue.get(id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('fails a job whose kind has no handler instead of losing it', async () => {
    const id = await queue.enqueue(db.kysely, timerJob('orphan'));
    const runner = createJobRunner({ db, queue, clock, workerId: 'w1' });
    await runner.drain();
    expect(await queue.get(id)).toMatchObject({ status: 'queued', attempts: 1 });
    expect((await queue.get(id))?.lastError).toContain('No handler registered for job kind "rule.timer"');
  });

  it('lets another worker take over a job whose lease ran out, and rolls back the late worker', async () => {
    const id = await queue.enqueue(db.kysely, timerJob('slow'));
    const [claimed] = await queue.claim('w1', { leaseMs: 30_000 });
    expect(claimed?.id).toBe(id);
    expect(await queue.claim('w2', { leaseMs: 30_000 })).toHaveLength(0);
    clock.advance(30_001);
    const [taken] = await queue.claim('w2', { leaseMs: 30_000 });
    expect(taken).toMatchObject({ id, attempts: 2, lockedBy: 'w2' });
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await sql`insert into public.job_effects values (${id}, 'w1')`.execute(trx);
        await queue.complete(trx, claimed!, 'w1');
      }),
    ).rejects.toBeInstanceOf(JobLeaseLostError);
    await db.kysely.transaction().execute((trx) => queue.complete(trx, taken!, 'w2'));
    expect(await queue.get(id)).toMatchObject({ status: 'done' });
    const effects = await sql`select * from public.job_effects`.execute(db.kysely);
    expect(effects.rows).toHaveLength(0);
  });

  it('dead-letters a job whose worker died during its last allowed attempt', async () => {
    const id = await queue.enqueue(db.kysely, { ...timerJob('last'), maxAttempts: 1 });
    await queue.claim('w1', { leaseMs: 1_000 });
    clock.advance(1_001);
    expect(await queue.claim('w2')).toHaveLength(0);
    const job = await queue.get(id);
    expect(job?.status).toBe('dead');
    expect(job?.lastError).toContain('lease expired');
  });

  it('runs each of many jobs exactly once with two runners on one database', async () => {
    const n = 120;
    await db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++) await queue.enqueue(trx, timerJob(`bulk-${i}`));
    });
    const runners = ['a', 'b'].map((w) => {
      const runner = createJobRunner({ db, queue, clock, workerId: w, claim: { limit: 7 } });
      runner.register('rule.timer', async ({ job, trx }) => {
        await sql`insert into public.job_effects values (${job.id}, ${w})`.execute(trx);
      });
      return runner;
    });
    const ran = await Promise.all(runners.map((r) => r.drain()));
    expect(ran[0]! + ran[1]!).toBe(n);
    const perJob = await sql<{ job_id: string; c: number }>`
      select job_id, count(*)::int as c from public.job_effects group by job_id`.execute(db.kysely);
    expect(perJob.rows).toHaveLength(n);
    expect(perJob.rows.every((r) => Number(r.c) === 1)).toBe(true);
    const statuses = await queue.list({ status: 'done', limit: 1000 });
    expect(statuses).toHaveLength(n);
    if (kind === 'postgres') {
      const workers = await sql<{ worker: string }>`select distinct worker from public.job_effects`.execute(
        db.kysely,
      );
      expect(workers.rows.map((r) => r.worker).sort()).toEqual(['a', 'b']);
    }
  });
});
