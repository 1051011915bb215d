import { type ErrorDetail, LatticeError } from '../errors';
import type { PackManifest } from './pack-manifest';
import { compareSemver } from './semver';

/**
 * Refuses an upgrade that is not one: a different pack id, or a version that is not strictly newer
 * (a downgrade or the same version). Throws `LATTICE_ERR_PACK` with the path `pack.json:version`.
 */
export function checkPackUpgrade(installed: PackManifest, offered: PackManifest): void {
  const errors: ErrorDetail[] = [];
  if (installed.id !== offered.id) {
    errors.push({
      path: 'pack.json:id',
      message: {
        zh: `模板包不同：${offered.id} ≠ ${installed.id}`,
        en: `different pack: ${offered.id} is not ${installed.id}`,
      },
    });
  } else if (compareSemver(offered.version, installed.version) <= 0) {
    errors.push({
      path: 'pack.json:version',
      message: {
        zh: `版本 ${offered.version} 不高于已安装的 ${installed.version}，不能降级`,
        en: `version ${offered.version} is not newer than installed ${installed.version} (downgrade refused)`,
      },
    });
  }
  if (errors.length > 0) throw new LatticeError('LATTICE_ERR_PACK', errors);
}
