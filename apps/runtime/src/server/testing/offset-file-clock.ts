import { readFileSync } from 'node:fs';
import type { Clock } from '@lattice/engine/storage';

/**
 * A clock for browser tests of time-based behaviour (relative timers, cron rules, approval timeouts)
 * against a real runtime process: wall-clock time plus an offset in milliseconds read from `file` on
 * every call, so a test moves time forward by rewriting the file — no sleeping. Enabled only by
 * LATTICE_TEST_CLOCK_FILE; a missing or unreadable file means offset 0.
 *
 * @example
 * writeFileSync(file, String(25 * 3600_000)); // the server now lives 25 h in the future
 */
export function offsetFileClock(file: string): Clock {
  return {
    now() {
      let offset = 0;
      try {
        offset = Number(readFileSync(file, 'utf8').trim()) || 0;
      } catch {
        offset = 0;
      }
      return new Date(Date.now() + offset);
    },
  };
}
