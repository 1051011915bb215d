import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateSystemSchema } from './migrate-system-schema';
import { openDatabase } from './open-database';

describe('openDatabase with a PGlite data dir', () => {
  const dirs: string[] = [];
  // Opening a file-backed PGlite initialises a data dir on disk; slow on a loaded machine.
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('keeps data across reopening the same directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lattice-pglite-'));
    dirs.push(dir);
    const first = await openDatabase({ dataDir: dir, url: '' });
    expect(first.dialect).toBe('pglite');
    expect(await migrateSystemSchema(first)).toEqual([1, 2, 3]);
    await sql`insert into lattice.audit_log (app_id, action, at) values ('a', 'kept', now())`.execute(
      first.kysely,
    );
    await first.close();
    const second = await openDatabase({ dataDir: dir, url: '' });
    expect(await migrateSystemSchema(second)).toEqual([]);
    const r = await sql<{ action: string }>`select action from lattice.audit_log`.execute(second.kysely);
    expect(r.rows.map((x) => x.action)).toEqual(['kept']);
    await second.close();
  }, 60_000);
});
