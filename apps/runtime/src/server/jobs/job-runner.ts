import type { Clock, DbTransaction, LatticeDb } from '@lattice/engine/storage';
import type { Job, JobKind } from './job';
import type { ClaimOptions, JobQueue } from './job-queue';

/** What a handler gets: the job and the transaction its database work must use (committed with `done`). */
export interface JobHandlerContext<K extends JobKind = JobKind> {
  job: Job<K>;
  trx: DbTransaction;
  clock: Clock;
  workerId: string;
}

/**
 * Runs one job. Database work goes through `ctx.trx`: it commits together with the job's `done` mark, so
 * a worker killed mid-job leaves nothing behind and the job runs again. Throw to fail the attempt
 * (retried with backoff, dead-lettered after `maxAttempts`). Work outside the database (HTTP) is
 * at-least-once: send `job.idempotencyKey` along.
 */
export type JobHandler<K extends JobKind = JobKind> = (ctx: JobHandlerContext<K>) => Promise<void>;

export interface JobRunnerOptions {
  db: LatticeDb;
  queue: JobQueue;
  clock: Clock;
  /** Unique per process (e.g. `host:pid:random`); the lease owner. */
  workerId: string;
  claim?: ClaimOptions;
  /** Called with failures (handler errors, lost leases, a failed poll) for logging. */
  onError?: (error: unknown, job: Job | null) => void;
}

export interface JobRunner {
  readonly workerId: string;
  /** Registers the handler of a job kind (one per kind; a second registration throws). */
  register<K extends JobKind>(kind: K, handler: JobHandler<K>): void;
  /** Claims one batch of due jobs and runs them one after another; returns how many ran. */
  runDue(): Promise<number>;
  /** Runs batches until no job is due at the clock's current time; returns how many ran. */
  drain(maxBatches?: number): Promise<number>;
  /** Polls every `intervalMs` (wall-clock pacing only; due-ness comes from the clock). */
  start(intervalMs?: number): void;
  /** Stops polling and waits for the batch in progress. */
  stop(): Promise<void>;
  /** Sets the failure listener (replaces `JobRunnerOptions.onError`). */
  onError(listener: (error: unknown, job: Job | null) => void): void;
}

/**
 * A worker over the durable job table. Any number of runners (in one process or many instances) may
 * share a database: claims use `FOR UPDATE SKIP LOCKED`, completions check the lease.
 *
 * @example
 * const runner = createJobRunner({ db, queue, clock, workerId: `${hostname()}:${process.pid}` });
 * runner.register('rule.timer', async ({ job, trx }) => { … });
 * runner.start(1000);
 */
export function createJobRunner(opts: JobRunnerOptions): JobRunner {
  const { db, queue, clock, workerId } = opts;
  const handlers = new Map<JobKind, JobHandler<JobKind>>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;
  let report = opts.onError ?? (() => {});

  async function runOne(job: Job): Promise<void> {
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`No handler registered for job kind "${job.kind}"`);
      await db.kysely.transaction().execute(async (trx) => {
        await handler({ job, trx, clock, workerId });
        await queue.complete(trx, job, workerId);
      });
    } catch (error) {
      report(error, job);
      await queue.fail(job, workerId, describe(error));
    }
  }

  async function runDue(): Promise<number> {
    const jobs = await queue.claim(workerId, opts.claim);
    for (const job of jobs) await runOne(job);
    return jobs.length;
  }

  function schedule(intervalMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runDue()
        .catch((error: unknown) => {
          report(error, null);
          return 0;
        })
        .finally(() => {
          running = null;
          schedule(intervalMs);
        });
    }, intervalMs);
  }

  return {
    workerId,
    register(kind, handler) {
      if (handlers.has(kind)) throw new Error(`A handler for job kind "${kind}" is already registered`);
      handlers.set(kind, handler as unknown as JobHandler<JobKind>);
    },
    runDue,
    async drain(maxBatches = 1000) {
      let total = 0;
      for (let i = 0; i < maxBatches; i++) {
        const n = await runDue();
        total += n;
        if (n === 0) break;
      }
      return total;
    },
    start(intervalMs = 1000) {
      if (!stopped) return;
      stopped = false;
      schedule(intervalMs);
    },
    onError(listener) {
      report = listener;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
