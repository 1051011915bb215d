import {
  buildPackBundle,
  ENGINE_VERSION,
  exportAppAsPack,
  loadPackFromFiles,
  type PackManifest,
  parseSemver,
} from '@lattice/engine';
import type { PackDeps } from './pack-deps';
import { getPackInstall } from './pack-installs';

export interface ExportPackOptions {
  /** Pack id (default: the installed pack's id, else the app id with `_` → `-`). */
  id?: string;
  /** Pack version (default: the installed pack's version with the patch raised, else `0.1.0`). */
  version?: string;
}

/**
 * Turns an app's live definition (e.g. one built in the studio) into a one-file pack bundle. When the app
 * came from a pack, its seed specs and i18n strings travel along. The result loads with
 * `loadPackFromFiles` (checked here), so it can be installed elsewhere or offered as an upgrade.
 */
export async function exportPack(
  deps: PackDeps,
  appId: string,
  opts: ExportPackOptions = {},
): Promise<{ manifest: PackManifest; bundle: string; fileName: string }> {
  const live = (await deps.appStore.getLive(appId)).definition;
  const installed = await getPackInstall(deps.db.kysely, appId);
  const engine = parseSemver(ENGINE_VERSION)!;
  const manifest: PackManifest = {
    ...(installed?.manifest ?? {}),
    id: opts.id ?? installed?.manifest.id ?? appId.replace(/_/g, '-'),
    name: installed?.manifest.name ?? live.label,
    version: opts.version ?? (installed ? bumpPatch(installed.manifest.version) : '0.1.0'),
    engine: installed?.manifest.engine ?? `>=${ENGINE_VERSION} <${engine.major + 1}.0.0`,
    ...(live.description && !installed ? { description: live.description } : {}),
  };
  const extras: Parameters<typeof exportAppAsPack>[2] = { seed: {}, i18n: {} };
  for (const [path, text] of Object.entries(installed?.files ?? {})) {
    const m = /^(seed|i18n)\/(.+)\.json$/.exec(path);
    if (m?.[1] === 'seed') extras.seed![m[2]!] = JSON.parse(text);
    if (m?.[1] === 'i18n' && (m[2] === 'zh-CN' || m[2] === 'en')) extras.i18n![m[2]] = JSON.parse(text);
  }
  const files = exportAppAsPack(live, manifest, extras);
  loadPackFromFiles(files);
  return {
    manifest,
    bundle: buildPackBundle(files),
    fileName: `${manifest.id}-${manifest.version}.lattice-pack.json`,
  };
}

function bumpPatch(version: string): string {
  const v = parseSemver(version);
  return v ? `${v.major}.${v.minor}.${v.patch + 1}` : version;
}
