import type { LatticeDb, OpenDatabaseOptions } from './contracts';
import { connectPglite } from './dialects/pglite/connect';
import { connectPostgres } from './dialects/postgres/connect';

/**
 * Opens the platform database: a pg Pool when `url` (or env DATABASE_URL) is set, else PGlite,
 * file-backed under `dataDir` or in memory when it is omitted (`url: ''` forces PGlite). Call
 * `migrateSystemSchema` next.
 *
 * @example
 * const db = await openDatabase({ dataDir: '.lattice-data/pglite' });
 * await migrateSystemSchema(db);
 */
export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<LatticeDb> {
  const url = opts.url ?? process.env.DATABASE_URL;
  if (url) return connectPostgres({ url });
  return connectPglite(opts.dataDir ? { dataDir: opts.dataDir } : {});
}
