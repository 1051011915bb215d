import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** A lease owner id unique per process: `host:pid:random`. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
