import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Pack files are JSON documents; package.json/tsconfig.json belong to a pack's test harness. */
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
        files[relative(dir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/** A pack given on the command line: a folder (`templates/manufacturing-crm`) or a bundle file. */
export function readPackSource(path: string): { files: Record<string, string> } | { bundle: string } {
  return statSync(path).isDirectory()
    ? { files: readPackFiles(path) }
    : { bundle: readFileSync(path, 'utf8') };
}
