import { resolve } from 'node:path';
import { type AppDefinition, isLatticeError } from '@lattice/engine';
import { createAppStore, type RequestContext, systemClock } from '@lattice/engine/storage';
import { createUserStore, type UserStore } from '../../server/auth/user-store';
import { migratePacksSchema } from '../../server/packs/migrate-packs-schema';
import type { PackDeps } from '../../server/packs/pack-deps';
import { readPackSource } from '../../server/packs/read-pack-source';
import type { CliIo } from '../cli-command';
import { openConfiguredDatabase } from '../open-configured-database';

/** Opens the configured database with the pack table migrated; `close` when done. */
export async function openPackDeps(
  io: CliIo,
): Promise<PackDeps & { users: UserStore; close(): Promise<void> }> {
  const db = await openConfiguredDatabase(io);
  await migratePacksSchema(db);
  return {
    db,
    clock: systemClock,
    appStore: createAppStore(db),
    users: createUserStore(db, systemClock),
    close: () => db.close(),
  };
}

/** The pack named on the command line (folder or bundle file), relative to where the user ran pnpm. */
export function packSourceArg(io: CliIo, path: string) {
  return readPackSource(resolve(io.cwd, path));
}

/**
 * Runs a command body, printing a `LatticeError` as one line per detail (`path: message`, both languages)
 * and returning exit code 1; other errors propagate.
 */
export async function reportingErrors(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (!isLatticeError(e)) {
      if (e instanceof Error && 'code' in e && e.code === 'ENOENT') {
        io.err(`not found / 找不到: ${(e as Error & { path?: string }).path ?? ''}`);
        return 1;
      }
      throw e;
    }
    io.err(`${e.code} (${e.details.length} problem(s) / 处问题):`);
    for (const d of e.details) io.err(`  ${d.path || '(pack)'}: ${d.message.en} / ${d.message.zh}`);
    return 1;
  }
}

/** `17 entity, 17 form, 30 view …` — what an app holds, by document kind. */
export function describeDocuments(app: AppDefinition): string {
  const counts = new Map<string, number>();
  for (const d of app.documents) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
}

/** The actor CLI pack operations are recorded as in history and audit rows. */
export function cliActor(deps: { clock: RequestContext['clock'] }, io: CliIo): RequestContext {
  const user = io.env.USER ?? 'cli';
  return { actor: { id: `cli:${user}`, username: user, roles: ['admin'], system: true }, clock: deps.clock };
}
