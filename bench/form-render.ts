/**
 * `pnpm bench form-render`: renders a 200-field form in headless Chromium with the Lattice FormRenderer
 * and, on the same page, with a plain React form of 200 native inputs; reports first render (mount →
 * committed and laid out) and keystroke-to-update latency (input event → committed and laid out), as
 * medians over alternating runs. Target: both ratios ≤ 2.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The repo root declares no workspace dependencies: resolve through @lattice/form-builder's own.
const fbPackage = new URL('../packages/form-builder/package.json', import.meta.url);
const req = createRequire(fbPackage);
const load = async <T>(name: string): Promise<T> =>
  (await import(pathToFileURL(req.resolve(name)).href)) as T;
const here = fileURLToPath(new URL('.', import.meta.url));
const fbDir = fileURLToPath(new URL('.', fbPackage));

const FIRST_RUNS = 15;
const KEYSTROKES = 60;
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface ViteModule {
  build(config: object): Promise<unknown>;
}
interface PlaywrightModule {
  chromium: { launch(o: object): Promise<Browser> };
}
interface Browser {
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface Page {
  setContent(html: string): Promise<void>;
  addScriptTag(o: { content: string }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
}
type BenchApi = { mount(k: string): number; keystrokes(k: string, n: number): number[]; unmount(): void };

/** Bundles bench/form-render/main.tsx into one production IIFE script. */
async function bundlePage(): Promise<string> {
  const vite = await load<ViteModule>('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'lattice-form-render-'));
  try {
    await vite.build({
      configFile: false,
      logLevel: 'warn',
      root: join(here, 'form-render'),
      mode: 'production',
      define: { 'process.env.NODE_ENV': '"production"' },
      esbuild: { jsx: 'automatic' },
      resolve: {
        alias: [
          { find: '@lattice/form-builder', replacement: join(fbDir, 'src/index.ts') },
          { find: /^react(-dom)?(\/.*)?$/, replacement: join(fbDir, 'node_modules/react$1$2') },
        ],
      },
      build: {
        outDir,
        emptyOutDir: true,
        minify: true,
        lib: {
          entry: join(here, 'form-render/main.tsx'),
          formats: ['iife'],
          name: 'formRenderBench',
          fileName: () => 'bench.js',
        },
      },
    });
    const file = readdirSync(outDir).find((f) => f.endsWith('.js'));
    if (!file) throw new Error('vite produced no bundle');
    return readFileSync(join(outDir, file), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number) => Math.round(x * 1000) / 1000;

export async function run(): Promise<object> {
  const script = await bundlePage();
  const pw = (await import('playwright-core')) as unknown as PlaywrightModule & {
    default?: PlaywrightModule;
  };
  const chromium = pw.chromium ?? pw.default!.chromium;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(
      '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body></body></html>',
    );
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(
      ({ runs, keys }) => {
        const api = (window as unknown as { bench: BenchApi }).bench;
        const first: Record<string, number[]> = { lattice: [], baseline: [] };
        const keystroke: Record<string, number[]> = { lattice: [], baseline: [] };
        // Warm-up: JIT and style caches for both, so neither pays for being first.
        for (const k of ['lattice', 'baseline', 'lattice', 'baseline']) {
          api.mount(k);
          api.keystrokes(k, 5);
        }
        for (let i = 0; i < runs; i++) {
          for (const k of i % 2 ? ['baseline', 'lattice'] : ['lattice', 'baseline']) {
            first[k]!.push(api.mount(k));
            keystroke[k]!.push(...api.keystrokes(k, Math.ceil(keys / runs)));
          }
        }
        api.unmount();
        return { first, keystroke };
      },
      { runs: FIRST_RUNS, keys: KEYSTROKES },
    );
    const ms = {
      lattice_first: round(median(result.first.lattice!)),
      baseline_first: round(median(result.first.baseline!)),
      lattice_keystroke: round(median(result.keystroke.lattice!)),
      baseline_keystroke: round(median(result.keystroke.baseline!)),
    };
    return {
      name: 'form-render',
      ms,
      ratio: {
        first: round(ms.lattice_first / ms.baseline_first),
        keystroke: round(ms.lattice_keystroke / ms.baseline_keystroke),
      },
      fields: 200,
      runs: { first: FIRST_RUNS, keystrokes: result.keystroke.lattice!.length },
    };
  } finally {
    await browser.close();
  }
}
