import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase, testDatabaseKinds } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../build-server';
import { fakeClock } from '../testing/test-server';
import { builtinDemoSource } from './builtin-demo-source';
import { packDemoSource } from './pack-demo-source';

describe('packDemoSource', () => {
  it('loads the manufacturing CRM pack with its demo data, deterministically', () => {
    const source = packDemoSource(undefined, 0.01);
    expect(source).not.toBeNull();
    expect(source!.app.id).toBe('mfg-crm');
    const now = new Date('2025-06-02T00:00:00Z');
    const a = source!.batches(now);
    expect(a.map((b) => b.entity)).toEqual(expect.arrayContaining(['customer', 'contact', 'opportunity']));
    expect(a.find((b) => b.entity === 'customer')!.records).toHaveLength(12);
    expect(source!.batches(now)).toEqual(a);
  });

  it('is null when the folder is not a pack', () => {
    expect(packDemoSource('/nonexistent')).toBeNull();
  });
});

describe.each(testDatabaseKinds())('demo install of the pack on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  const dataDir = mkdtempSync(join(tmpdir(), 'lattice-demo-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    cleanups.push(() => db.close());
  });

  it('installs the pack app in the background, seeds related records and survives a restart', async () => {
    const options = {
      db,
      clock: fakeClock(),
      dataDir,
      jwtSecret: 'demo-test-secret-demo-test-secret',
      demo: true,
      demoInBackground: true,
      demoSources: [packDemoSource(undefined, 0.01), builtinDemoSource],
    };
    const app = await buildServer(options);
    // The server is up before the records are in; they arrive in the background.
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await app.demoSeeded;
    await app.close();
    const count = async (table: string) =>
      (
        await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`app_mfg_crm.${table}`)}`.execute(
          db.kysely,
        )
      ).rows[0]!.n;
    const customers = await count('customer');
    expect(customers).toBeGreaterThan(0);
    expect(customers).toBeLessThanOrEqual(12);
    expect(await count('contact')).toBeGreaterThan(0);
    expect(await count('opportunity')).toBeGreaterThan(0);
    const entities = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables where table_schema = 'app_mfg_crm'`.execute(
      db.kysely,
    );
    expect(entities.rows[0]!.n).toBeGreaterThanOrEqual(17);

    const again = await buildServer(options);
    await again.close();
    const versions = await db.kysely.selectFrom('lattice.app_versions').select('version').execute();
    expect(versions).toHaveLength(1);
  });
});
