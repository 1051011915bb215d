import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type { LatticeDb, LatticeTables } from '../../contracts';
import { PG_TYPE_PARSERS } from '../type-parsers';
import { pgliteDialect } from './dialect';

/** Opens PGlite, file-backed under `dataDir` or in memory when omitted. */
export async function connectPglite(opts: { dataDir?: string }): Promise<LatticeDb> {
  const pglite = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    parsers: PG_TYPE_PARSERS,
  });
  const kysely = new Kysely<LatticeTables>({ dialect: pgliteDialect(pglite) });
  return {
    kysely,
    dialect: 'pglite',
    async close() {
      await kysely.destroy();
      await pglite.close();
    },
  };
}
