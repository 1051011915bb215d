import type { AppDefinition, PackManifest } from '@lattice/engine';
import type { DbExecutor } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { PACK_INSTALLS_TABLE } from './migrate-packs-schema';

/** The pack an app came from: the base of its next upgrade. */
export interface PackInstall {
  appId: string;
  manifest: PackManifest;
  hash: string;
  files: Record<string, string>;
  /** The app exactly as the pack defined it (before any user customisation). */
  app: AppDefinition;
  installedAt: string;
  installedBy: string | null;
  upgradedAt: string | null;
}

interface Row {
  app_id: string;
  version: string;
  hash: string;
  files: unknown;
  app: unknown;
  installed_at: Date | string;
  installed_by: string | null;
  upgraded_at: Date | string | null;
}

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function toInstall(row: Row): PackInstall {
  const files = parse<Record<string, string>>(row.files);
  return {
    appId: row.app_id,
    manifest: JSON.parse(files['pack.json'] ?? '{}') as PackManifest,
    hash: row.hash,
    files,
    app: parse<AppDefinition>(row.app),
    installedAt: iso(row.installed_at)!,
    installedBy: row.installed_by,
    upgradedAt: iso(row.upgraded_at),
  };
}

/** The pack install of `appId`, or null when the app was not installed from a pack. */
export async function getPackInstall(db: DbExecutor, appId: string): Promise<PackInstall | null> {
  const r = await sql<Row>`select * from ${sql.table(PACK_INSTALLS_TABLE)} where app_id = ${appId}`.execute(
    db,
  );
  return r.rows[0] ? toInstall(r.rows[0]) : null;
}

/** Every app installed from a pack, by app id. */
export async function listPackInstalls(db: DbExecutor): Promise<PackInstall[]> {
  const r = await sql<Row>`select * from ${sql.table(PACK_INSTALLS_TABLE)} order by app_id`.execute(db);
  return r.rows.map(toInstall);
}

/** Records (install) or replaces (upgrade) the pack an app came from, in the caller's transaction. */
export async function putPackInstall(
  db: DbExecutor,
  entry: {
    appId: string;
    manifest: PackManifest;
    hash: string;
    files: Record<string, string>;
    app: AppDefinition;
  },
  at: Date,
  actor: string | null,
): Promise<void> {
  await sql`insert into ${sql.table(PACK_INSTALLS_TABLE)}
      (app_id, pack_id, version, hash, files, app, installed_at, installed_by)
    values (${entry.appId}, ${entry.manifest.id}, ${entry.manifest.version}, ${entry.hash},
      ${JSON.stringify(entry.files)}::jsonb, ${JSON.stringify(entry.app)}::jsonb, ${at}, ${actor})
    on conflict (app_id) do update set pack_id = excluded.pack_id, version = excluded.version,
      hash = excluded.hash, files = excluded.files, app = excluded.app, upgraded_at = ${at}`.execute(db);
}
