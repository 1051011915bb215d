import { type Dialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PG_TYPE_PARSERS } from '../type-parsers';
import { copyAwarePool } from './copy-aware-pool';

/**
 * A kysely dialect over a pg Pool whose type parsers match PGlite's (see `PG_TYPE_PARSERS`) and which
 * runs `COPY … FROM STDIN` queries through the COPY protocol (see `copyAwarePool`).
 */
export function postgresDialect(
  url: string,
  opts: { max?: number } = {},
): { dialect: Dialect; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        const custom = PG_TYPE_PARSERS[oid];
        if (custom && format !== 'binary') return custom;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client can lose its server connection (restart, DROP DATABASE … WITH (FORCE) in tests); pg
  // emits that on the pool and would crash the process unhandled. The pool replaces the client on demand.
  pool.on('error', () => {});
  return { dialect: new PostgresDialect({ pool: copyAwarePool(pool) }), pool };
}
