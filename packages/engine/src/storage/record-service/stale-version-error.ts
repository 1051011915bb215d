import { type LatticeError, latticeError } from '../../errors';

/** LATTICE_ERR_STALE_VERSION (409) at path `version`; `current` when known. */
export function staleVersionError(current: number | null): LatticeError {
  return latticeError('LATTICE_ERR_STALE_VERSION', 'version', {
    zh: '记录已被他人修改，请刷新后重试',
    en: current === null ? 'The record changed meanwhile' : `The current version is ${current}`,
  });
}
