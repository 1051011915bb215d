import type { Clock, DbExecutor, LatticeDb } from '@lattice/engine/storage';
import type { RetryPolicy } from '@lattice/flow-engine';
import { DEFAULT_RETRY_POLICY, nextRetryAt } from '@lattice/flow-engine';
import { sql } from 'kysely';
import type { Job, JobKind, JobPayloads, JobStatus, NewJob } from './job';
import { JOBS_TABLE } from './migrate-jobs-schema';

/** Thrown by `complete` when the worker's lease was lost (it expired and another worker took the job). */
export class JobLeaseLostError extends Error {
  constructor(jobId: string, workerId: string) {
    super(`Job ${jobId} is no longer leased by ${workerId}; its work is rolled back`);
    this.name = 'JobLeaseLostError';
  }
}

export interface JobQueueOptions {
  clock: Clock;
  retry?: RetryPolicy;
  /** Jitter source for backoff; tests pin it. */
  random?: () => number;
}

export interface ClaimOptions {
  /** Jobs to claim at most. Default 10. */
  limit?: number;
  /** How long the claim holds before another worker may take the job over. Default 5 min. */
  leaseMs?: number;
}

export interface JobListQuery {
  appId?: string;
  status?: JobStatus;
  kind?: JobKind;
  limit?: number;
}

/**
 * The durable job table's API. `enqueue` joins the caller's transaction, so a job exists exactly when the
 * write that caused it committed. `claim` leases due jobs with `FOR UPDATE SKIP LOCKED` (instances never
 * block on or double-claim each other); a lease that runs out (the worker died) makes the job claimable
 * again. `complete` runs inside the handler's transaction and checks the lease, so a job's database work
 * commits at most once. `fail` re-queues with `nextRetryAt` backoff, or dead-letters with the error.
 */
export interface JobQueue {
  /** Inserts a job in `trx`; an existing (app, idempotency key) wins and its id is returned. */
  enqueue<K extends JobKind>(trx: DbExecutor, job: NewJob<K>): Promise<string>;
  claim(workerId: string, opts?: ClaimOptions): Promise<Job[]>;
  /** Marks the job done inside the handler's transaction; JobLeaseLostError when the lease is gone. */
  complete(trx: DbExecutor, job: Job, workerId: string): Promise<void>;
  /** Records a failed attempt: queued again at the backoff time, or `dead` when attempts are exhausted. */
  fail(job: Job, workerId: string, error: string): Promise<JobStatus>;
  get(id: string): Promise<Job | null>;
  list(query?: JobListQuery): Promise<Job[]>;
  /** Puts a dead job back in the queue (attempts reset); false when it is not dead. */
  retryDead(id: string): Promise<boolean>;
  /** Cancels queued jobs of an app by idempotency key (e.g. a timer whose record was deleted). */
  cancel(trx: DbExecutor, appId: string, idempotencyKey: string): Promise<void>;
}

/**
 * @example
 * const queue = createJobQueue(db, { clock });
 * await db.kysely.transaction().execute((trx) =>
 *   queue.enqueue(trx, { appId, kind: 'rule.timer', payload, idempotencyKey: `timer:${rule}:${id}`, runAt }));
 */
export function createJobQueue(db: LatticeDb, opts: JobQueueOptions): JobQueue {
  const { clock } = opts;
  const policy = opts.retry ?? DEFAULT_RETRY_POLICY;
  const random = opts.random ?? Math.random;
  const k = db.kysely;

  return {
    async enqueue(trx, job) {
      const now = clock.now();
      const inserted = await trx
        .insertInto(JOBS_TABLE)
        .values({
          app_id: job.appId,
          kind: job.kind,
          payload: JSON.stringify(job.payload),
          status: 'queued',
          run_at: job.runAt ?? now,
          max_attempts: job.maxAttempts ?? policy.maxAttempts,
          idempotency_key: job.idempotencyKey,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(['app_id', 'idempotency_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return String(inserted.id);
      const existing = await trx
        .selectFrom(JOBS_TABLE)
        .select('id')
        .where('app_id', '=', job.appId)
        .where('idempotency_key', '=', job.idempotencyKey)
        .executeTakeFirstOrThrow();
      return String(existing.id);
    },

    async claim(workerId, claimOpts = {}) {
      const now = clock.now();
      const leaseUntil = new Date(now.getTime() + (claimOpts.leaseMs ?? 5 * 60_000));
      const limit = claimOpts.limit ?? 10;
      return k.transaction().execute(async (trx) => {
        // A worker that died on its last allowed attempt leaves a running job with an expired lease.
        await sql`update ${sql.table(JOBS_TABLE)}
          set status = 'dead', locked_by = null, locked_until = null, updated_at = ${now}, finished_at = ${now},
              last_error = coalesce(last_error || E'\n', '') || 'lease expired: the worker stopped during the last attempt'
          where status = 'running' and locked_until < ${now} and attempts >= max_attempts`.execute(trx);
        const rows = await sql<JobRow>`update ${sql.table(JOBS_TABLE)} as j
          set status = 'running', locked_by = ${workerId}, locked_until = ${leaseUntil},
              attempts = j.attempts + 1, updated_at = ${now}
          where j.id in (
            select id from ${sql.table(JOBS_TABLE)}
            where (status = 'queued' and run_at <= ${now}) or (status = 'running' and locked_until < ${now})
            order by run_at, id
            limit ${limit}
            for update skip locked)
          returning j.*`.execute(trx);
        return rows.rows.map(toJob).sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
      });
    },

    async complete(trx, job, workerId) {
      const now = clock.now();
      const done = await trx
        .updateTable(JOBS_TABLE)
        .set({ status: 'done', locked_by: null, locked_until: null, updated_at: now, finished_at: now })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('locked_by', '=', workerId)
        .where('attempts', '=', job.attempts)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw new JobLeaseLostError(job.id, workerId);
    },

    async fail(job, workerId, error) {
      const now = clock.now();
      const retryAt = nextRetryAt(job.attempts, now, random, { ...policy, maxAttempts: job.maxAttempts });
      const status: JobStatus = retryAt ? 'queued' : 'dead';
      await k
        .updateTable(JOBS_TABLE)
        .set({
          status,
          run_at: retryAt ?? job.runAt,
          last_error: error.slice(0, 4000),
          locked_by: null,
          locked_until: null,
          updated_at: now,
          finished_at: retryAt ? null : now,
        })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('locked_by', '=', workerId)
        .where('attempts', '=', job.attempts)
        .execute();
      return status;
    },

    async get(id) {
      const row = await k.selectFrom(JOBS_TABLE).selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toJob(row as unknown as JobRow) : null;
    },

    async list(query = {}) {
      let q = k.selectFrom(JOBS_TABLE).selectAll();
      if (query.appId) q = q.where('app_id', '=', query.appId);
      if (query.status) q = q.where('status', '=', query.status);
      if (query.kind) q = q.where('kind', '=', query.kind);
      const rows = await q
        .orderBy('run_at', 'desc')
        .orderBy('id')
        .limit(query.limit ?? 100)
        .execute();
      return rows.map((r) => toJob(r as unknown as JobRow));
    },

    async retryDead(id) {
      const now = clock.now();
      const r = await k
        .updateTable(JOBS_TABLE)
        .set({ status: 'queued', attempts: 0, run_at: now, updated_at: now, finished_at: null })
        .where('id', '=', id)
        .where('status', '=', 'dead')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async cancel(trx, appId, idempotencyKey) {
      await trx
        .deleteFrom(JOBS_TABLE)
        .where('app_id', '=', appId)
        .where('idempotency_key', '=', idempotencyKey)
        .where('status', '=', 'queued')
        .execute();
    },
  };
}

interface JobRow {
  id: string;
  app_id: string;
  kind: string;
  payload: unknown;
  status: string;
  run_at: Date | string;
  attempts: number;
  max_attempts: number;
  idempotency_key: string;
  locked_by: string | null;
  locked_until: Date | string | null;
  last_error: string | null;
  created_at: Date | string;
  finished_at: Date | string | null;
}

function toJob(row: JobRow): Job {
  const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));
  return {
    id: String(row.id),
    appId: row.app_id,
    kind: row.kind as JobKind,
    payload: (typeof row.payload === 'string'
      ? JSON.parse(row.payload)
      : row.payload) as JobPayloads[JobKind],
    status: row.status as JobStatus,
    runAt: date(row.run_at),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    idempotencyKey: row.idempotency_key,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until === null ? null : date(row.locked_until),
    lastError: row.last_error,
    createdAt: date(row.created_at),
    finishedAt: row.finished_at === null ? null : date(row.finished_at),
  };
}
