import { type Dialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PG_TYPE_PARSERS } from '../type-parsers';

/** A kysely dialect over a pg Pool whose type parsers match PGlite's (see `PG_TYPE_PARSERS`). */
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
  return { dialect: new PostgresDialect({ pool }), pool };
}
