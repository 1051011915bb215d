import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSeedData, loadPackFromFiles, packContentHash } from '@lattice/engine';
import { readPackFiles } from '../packs/read-pack-source';
import type { DemoSource } from './demo-source';

/** The manufacturing CRM pack in the repository. */
export const MFG_CRM_PACK_DIR = fileURLToPath(
  new URL('../../../../../templates/manufacturing-crm/', import.meta.url),
);

/**
 * The demo from a pack folder: its app and the records of its `seed/demo.json` (deterministic PRNG, dates
 * relative to the clock). `scale` (0–1] keeps that share of every entity's records for faster starts;
 * records whose references point at dropped records are dropped too. Null when the folder is missing.
 */
export function packDemoSource(dir = MFG_CRM_PACK_DIR, scale = 1): DemoSource | null {
  if (!existsSync(join(dir, 'pack.json'))) return null;
  const files = readPackFiles(dir);
  const pack = loadPackFromFiles(files);
  const spec = pack.seed.demo;
  return {
    origin: `pack ${pack.manifest.id}@${pack.manifest.version}`,
    app: pack.app,
    users: spec?.users ?? [],
    pack: { manifest: pack.manifest, hash: packContentHash(files), files },
    batches(now) {
      if (!spec) return [];
      const batches = generateSeedData(spec, { now });
      return scale >= 1
        ? batches
        : batches.map((b) => ({
            ...b,
            records: b.records.slice(0, Math.max(1, Math.ceil(b.records.length * scale))),
          }));
    },
  };
}
