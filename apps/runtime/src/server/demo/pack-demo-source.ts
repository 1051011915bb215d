import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSeedData, loadPackFromFiles } from '@lattice/engine';
import type { DemoSource } from './demo-source';

/** The manufacturing CRM pack in the repository. */
export const MFG_CRM_PACK_DIR = fileURLToPath(
  new URL('../../../../../templates/manufacturing-crm/', import.meta.url),
);

/** Pack files are JSON documents; package.json/tsconfig.json belong to the pack's test harness. */
const NOT_PACK_FILES = new Set(['package.json', 'tsconfig.json']);

/** Reads a pack folder into `relative path → contents` (the pure loader does the rest). */
export function readPackFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json') && !NOT_PACK_FILES.has(name))
        files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/**
 * The demo from a pack folder: its app and the records of its `seed/demo.json` (deterministic PRNG, dates
 * relative to the clock). `scale` (0–1] keeps that share of every entity's records for faster starts;
 * records whose references point at dropped records are dropped too. Null when the folder is missing.
 */
export function packDemoSource(dir = MFG_CRM_PACK_DIR, scale = 1): DemoSource | null {
  if (!existsSync(join(dir, 'pack.json'))) return null;
  const pack = loadPackFromFiles(readPackFiles(dir));
  const spec = pack.seed.demo;
  return {
    origin: `pack ${pack.manifest.id}@${pack.manifest.version}`,
    app: pack.app,
    users: spec?.users ?? [],
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
