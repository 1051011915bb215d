/**
 * A job worker process for the "killed worker loses no job" test: opens the database given on the command
 * line (`postgres://…` or a PGlite data dir), claims due jobs with a fixed clock, writes the job's effect
 * in the job transaction, tells the parent `started`, then hangs mid-transaction until it is killed.
 */
import { openDatabase } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { createJobQueue } from '../job-queue';
import { createJobRunner } from '../job-runner';

const [target, nowIso] = process.argv.slice(2);
if (!target || !nowIso) throw new Error('usage: killable-worker <database url | pglite dir> <now ISO>');
const db = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
const clock = { now: () => new Date(nowIso) };
const queue = createJobQueue(db, { clock });
const runner = createJobRunner({
  db,
  queue,
  clock,
  workerId: `child:${process.pid}`,
  claim: { leaseMs: 60_000 },
});
runner.register('rule.timer', async ({ job, trx }) => {
  await sql`insert into public.job_effects values (${job.id}, 'child')`.execute(trx);
  process.send?.('started');
  await new Promise<never>(() => {});
});
await runner.runDue();
