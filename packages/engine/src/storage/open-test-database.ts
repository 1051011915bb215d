import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DialectName, LatticeDb } from './contracts';
import { connectPglite } from './dialects/pglite/connect';
import { connectPostgres } from './dialects/postgres/connect';
import { migrateSystemSchema } from './migrate-system-schema';

/**
 * The database kinds storage tests run on: PGlite always, PostgreSQL when env TEST_DATABASE_URL is set.
 *
 * @example
 * describe.each(testDatabaseKinds())('records on %s', (kind) => { … openTestDatabase(kind) … });
 */
export function testDatabaseKinds(): DialectName[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, migrated database for one test suite: in-memory PGlite, or a new uniquely named database on
 * the TEST_DATABASE_URL server that `close()` drops again.
 */
export async function openTestDatabase(kind: DialectName): Promise<LatticeDb> {
  if (kind === 'pglite') {
    const db = await connectPglite({});
    await migrateSystemSchema(db);
    return db;
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('openTestDatabase("postgres") needs env TEST_DATABASE_URL');
  const name = `lattice_t_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await connectPostgres({ url: url.toString(), max: 12 });
  await migrateSystemSchema(db);
  return {
    ...db,
    async close() {
      await db.close();
      await withAdminClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdminClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
