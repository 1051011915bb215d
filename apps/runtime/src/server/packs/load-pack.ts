import { type LoadedPack, loadPackFromFiles, readPackBundle, validateAppDefinition } from '@lattice/engine';
import { checkFlowGraphs } from '../flows/check-flow-graphs';

/**
 * Loads a pack from a bundle's text (`lattice pack build`) or from a folder's files, with the whole-app
 * validation on (documents plus the flows' graph checks): every problem is one `LATTICE_ERR_PACK` detail
 * naming the file and JSON path.
 */
export function loadPack(source: { bundle: string } | { files: Record<string, string> }): {
  pack: LoadedPack;
  files: Record<string, string>;
} {
  const files = 'bundle' in source ? readPackBundle(source.bundle).files : source.files;
  return {
    pack: loadPackFromFiles(files, {
      validateApp: (app) => [...validateAppDefinition(app), ...checkFlowGraphs(app)],
    }),
    files,
  };
}
