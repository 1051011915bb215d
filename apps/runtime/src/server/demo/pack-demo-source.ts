import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSeedData, loadPackFromFiles, packContentHash } from '@lattice/engine';
import { generateReferenceBatches } from '../packs/generate-reference-batches';
import { readPackFiles } from '../packs/read-pack-source';
import type { DemoSource } from './demo-source';

/** The manufacturing CRM pack in the repository. */
export const MFG_CRM_PACK_DIR = fileURLToPath(
  new URL('../../../../../templates/manufacturing-crm/', import.meta.url),
);

/**
 * The demo from a pack folder: its app, its reference data (`referenceSeed`) and the records of its
 * `seed/demo.json` (deterministic PRNG, dates relative to the clock). `scale` (0–1] generates that share
 * of the seed's counted records (children follow their parents, configuration records stay whole) for
 * faster starts. Null when the folder is missing.
 */
export function packDemoSource(dir = MFG_CRM_PACK_DIR, scale = 1): DemoSource | null {
  if (!existsSync(join(dir, 'pack.json'))) return null;
  const files = readPackFiles(dir);
  const pack = loadPackFromFiles(files);
  const spec = pack.seed.demo;
  const ref = pack.manifest.referenceSeed;
  const referenceSpec = ref ? pack.seed[ref] : undefined;
  return {
    origin: `pack ${pack.manifest.id}@${pack.manifest.version}`,
    app: pack.app,
    users: spec?.users ?? [],
    pack: { manifest: pack.manifest, hash: packContentHash(files), files },
    batches(now) {
      // Reference data first, as `lattice pack install` writes it: the demo's records may rely on it.
      const reference = referenceSpec ? generateReferenceBatches(referenceSpec, { now, app: pack.app }) : [];
      return [...reference, ...(spec ? generateSeedData(spec, { now, app: pack.app, scale }) : [])];
    },
  };
}
