/**
 * `pnpm bench [name]`: runs one benchmark by name, or all of them. Each benchmark is `bench/<name>.ts`
 * exporting `run(): Promise<object>`; it measures Lattice against a baseline in the same run and writes
 * `bench/results/<name>.json`.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts'].includes(f) && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : available;
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`unknown benchmark "${name}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
}

mkdirSync(join(here, 'results'), { recursive: true });
for (const name of names) {
  console.log(`\n▶ bench ${name}`);
  const mod = (await import(`./${name}.ts`)) as { run: () => Promise<object> };
  const result = await mod.run();
  const file = join(here, 'results', `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  console.log(`→ ${file}`);
}
process.exit(0);
