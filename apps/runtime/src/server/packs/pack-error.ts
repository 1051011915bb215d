import { LatticeError } from '@lattice/engine';

/** A `LATTICE_ERR_PACK` with one detail (path names the file and JSON path, e.g. `pack.json:version`). */
export function packError(path: string, en: string, zh: string): LatticeError {
  return new LatticeError('LATTICE_ERR_PACK', [{ path, message: { zh, en }, reason: 'LATTICE_ERR_PACK' }]);
}
