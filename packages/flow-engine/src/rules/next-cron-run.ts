import { LatticeError } from '@lattice/engine';
import { CronExpressionParser } from 'cron-parser';

/**
 * The first time strictly after `after` that `cron` fires, in time zone `tz` (IANA name; default
 * Asia/Shanghai, where Lattice's users are). Throws `LATTICE_ERR_EXPRESSION` for a malformed cron.
 *
 * @example
 * nextCronRun('0 9 * * 1', new Date('2024-06-15T00:00:00Z')); // → Monday 09:00 Shanghai = 01:00Z
 */
export function nextCronRun(cron: string, after: Date, tz = 'Asia/Shanghai'): Date {
  try {
    return CronExpressionParser.parse(cron, { currentDate: after, tz }).next().toDate();
  } catch (e) {
    throw new LatticeError('LATTICE_ERR_EXPRESSION', [
      {
        path: 'trigger.cron',
        message: { zh: `定时表达式无效：${cron}`, en: `Invalid cron expression: ${cron}` },
        reason: e instanceof Error ? e.message : 'cron',
      },
    ]);
  }
}
