import { LatticeError } from '@lattice/engine/import';

/** `LATTICE_ERR_IMPORT` with one zh/en message at `file` (unreadable, empty, wrong sheet, too large…). */
export function importFileError(zh: string, en: string, path = 'file'): LatticeError {
  return new LatticeError('LATTICE_ERR_IMPORT', [{ path, message: { zh, en } }]);
}
