import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { ReportDb } from '../dataset/compile-dataset';
import { pgliteDialect } from './pglite-dialect';

export type TestDbKind = 'pglite' | 'postgres';

/** pglite always; postgres too when TEST_DATABASE_URL is set. */
export function reportTestDbKinds(): TestDbKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface ReportTestDb {
  db: Kysely<ReportDb>;
  close(): Promise<void>;
}

/** A fresh, empty database per call: in-memory PGlite, or a new uniquely named database on the server. */
export async function openReportTestDb(kind: TestDbKind): Promise<ReportTestDb> {
  if (kind === 'pglite') {
    const db = new Kysely<ReportDb>({ dialect: pgliteDialect(new PGlite()) });
    await sql`set timezone = 'UTC'`.execute(db);
    return { db, close: () => db.destroy() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `lattice_rt_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  // A connection the server drops between tests (restart, admin action) must fail a query, not crash the
  // test process with an unhandled 'error' event.
  admin.on('error', () => {});
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  // A fixed session zone keeps date buckets of timestamptz values the same on every machine.
  const pool = new pg.Pool({ connectionString: target.toString(), max: 2, options: '-c TimeZone=UTC' });
  pool.on('error', () => {});
  const db = new Kysely<ReportDb>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    close: async () => {
      await db.destroy();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
