import { Kysely } from 'kysely';
import type { LatticeDb, LatticeTables } from '../../contracts';
import { postgresDialect } from './dialect';

/** Opens a pg Pool against `url`. */
export async function connectPostgres(opts: { url: string; max?: number }): Promise<LatticeDb> {
  const { dialect } = postgresDialect(opts.url, opts.max !== undefined ? { max: opts.max } : {});
  const kysely = new Kysely<LatticeTables>({ dialect });
  return {
    kysely,
    dialect: 'postgres',
    async close() {
      await kysely.destroy();
    },
  };
}
