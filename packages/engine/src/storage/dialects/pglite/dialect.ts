import type { PGlite } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { isCopyFromStdin } from '../copy-from-stdin';
import { createMutex, type Mutex } from '../mutex';

/**
 * A kysely dialect over one PGlite instance. PGlite has a single connection, so every acquisition waits
 * on a mutex and a transaction holds it from BEGIN to COMMIT/ROLLBACK. `COPY … FROM STDIN` queries (see
 * `isCopyFromStdin`) read their parameter through PGlite's `/dev/blob` device.
 *
 * @example
 * const kysely = new Kysely({ dialect: pgliteDialect(await PGlite.create()) });
 */
export function pgliteDialect(pglite: PGlite): Dialect {
  return {
    createAdapter: (): DialectAdapter => new PostgresAdapter(),
    createDriver: (): Driver => new PgliteDriver(pglite),
    createIntrospector: <DB>(db: Kysely<DB>): DatabaseIntrospector => new PostgresIntrospector(db),
    createQueryCompiler: (): QueryCompiler => new PostgresQueryCompiler(),
  };
}

class PgliteDriver implements Driver {
  readonly #mutex: Mutex = createMutex();
  readonly #connection: PgliteConnection;

  constructor(pglite: PGlite) {
    this.#connection = new PgliteConnection(pglite);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#connection;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery({ sql: `begin${level}`, parameters: [] } as unknown as CompiledQuery);
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery({ sql: 'commit', parameters: [] } as unknown as CompiledQuery);
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery({ sql: 'rollback', parameters: [] } as unknown as CompiledQuery);
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async destroy(): Promise<void> {}
}

class PgliteConnection implements DatabaseConnection {
  readonly #pglite: PGlite;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = isCopyFromStdin(compiled.sql, compiled.parameters)
      ? await this.#pglite.query<R>(compiled.sql.replace(/\sfrom\s+stdin\s*$/i, " from '/dev/blob'"), [], {
          blob: new Blob([compiled.parameters[0] as string]),
        })
      : await this.#pglite.query<R>(compiled.sql, [...compiled.parameters]);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors; streaming is refused explicitly.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect does not support streaming; page with keyset cursors instead.');
  }
}
