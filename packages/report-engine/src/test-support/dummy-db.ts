import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { ReportDb } from '../dataset/compile-dataset';

/** A Kysely that only compiles (PostgreSQL dialect), for asserting SQL text and parameters. */
export function dummyDb(): Kysely<ReportDb> {
  return new Kysely<ReportDb>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}
