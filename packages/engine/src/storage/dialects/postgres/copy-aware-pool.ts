import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isCopyFromStdin } from '../copy-from-stdin';

/**
 * The pg Pool as kysely sees it, with one addition: a `COPY … FROM STDIN` query (see
 * `isCopyFromStdin`) streams its parameter through the COPY protocol on the same client, so bulk loads
 * run inside the caller's transaction like any other statement.
 */
export function copyAwarePool(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      return {
        query: ((sqlOrCursor: unknown, parameters?: readonly unknown[]) => {
          if (typeof sqlOrCursor === 'string' && parameters && isCopyFromStdin(sqlOrCursor, parameters)) {
            return copyInto(client, sqlOrCursor, parameters[0] as string);
          }
          return client.query(sqlOrCursor as string, parameters as unknown[]);
        }) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}

function copyInto(client: pg.PoolClient, sql: string, data: string): Promise<PostgresQueryResult<never>> {
  return new Promise((resolve, reject) => {
    const stream = client.query(copyFrom(sql));
    stream.on('error', reject);
    // kysely reports `numAffectedRows` only for the DML commands; a COPY loads rows like an INSERT.
    stream.on('finish', () => resolve({ command: 'INSERT', rowCount: stream.rowCount, rows: [] }));
    stream.end(data);
  });
}
