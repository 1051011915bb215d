import { LatticeError } from '../errors';

/** A seed spec the generator cannot follow, at `path` (e.g. `entities.1.afterAll.rfm_score`). */
export function seedError(path: string, en: string, zh: string): LatticeError {
  return new LatticeError('LATTICE_ERR_VALIDATION', [{ path, message: { zh, en } }]);
}
