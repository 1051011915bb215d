import { type ErrorDetail, LatticeError, type PackManifest, satisfiesEngineRange } from '@lattice/engine';
import type { DbExecutor } from '@lattice/engine/storage';
import { listPackInstalls } from './pack-installs';

/**
 * Refuses a pack whose `dependencies` (pack id → version range) are not installed in a matching version:
 * `LATTICE_ERR_PACK` at `pack.json:dependencies.<id>`, naming what is installed.
 */
export async function checkPackDependencies(db: DbExecutor, manifest: PackManifest): Promise<void> {
  const wanted = Object.entries(manifest.dependencies ?? {});
  if (wanted.length === 0) return;
  const installed = new Map((await listPackInstalls(db)).map((p) => [p.manifest.id, p.manifest.version]));
  const errors: ErrorDetail[] = [];
  for (const [id, range] of wanted) {
    const have = installed.get(id);
    if (have && satisfiesEngineRange(range, have)) continue;
    errors.push({
      path: `pack.json:dependencies.${id}`,
      message: {
        zh: have ? `需要模板包 ${id} ${range}，已安装的是 ${have}` : `需要先安装模板包 ${id} ${range}`,
        en: have
          ? `needs pack ${id} ${range}; ${have} is installed`
          : `needs pack ${id} ${range} installed first`,
      },
      reason: 'LATTICE_ERR_PACK',
    });
  }
  if (errors.length > 0) throw new LatticeError('LATTICE_ERR_PACK', errors);
}
