import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type LatticeDb, migrateSystemSchema, openDatabase } from '@lattice/engine/storage';
import { migrateAuthSchema } from '../server/auth/migrate-auth-schema';
import { loadServerConfig } from '../server/load-server-config';
import type { CliIo } from './cli-command';

/** Opens and migrates the database the server would use with the same environment. */
export async function openConfiguredDatabase(io: CliIo): Promise<LatticeDb> {
  const config = loadServerConfig(io.env, io.cwd);
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') },
  );
  await migrateSystemSchema(db);
  await migrateAuthSchema(db);
  return db;
}
