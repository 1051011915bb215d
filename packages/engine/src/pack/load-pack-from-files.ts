import { type ErrorDetail, LatticeError } from '../errors';
import type { AppDefinition, AppDocument } from '../model/app';
import type { I18nText, Locale } from '../model/i18n-text';
import { APP_ID_PATTERN } from '../model/identifier';
import type { SeedSpec } from '../seed/seed-spec';
import { checkAppReferences } from './check-app-references';
import { checkReferenceSeed } from './check-reference-seed';
import { ENGINE_VERSION } from './engine-version';
import { PACK_DOCUMENT_FOLDERS } from './pack-folders';
import type { PackManifest } from './pack-manifest';
import { satisfiesEngineRange } from './satisfies-engine-range';
import { validatePackManifest } from './validate-pack-manifest';

/** A pack read into memory: its manifest, the app it installs, its seed specs and UI strings. */
export interface LoadedPack {
  manifest: PackManifest;
  app: AppDefinition;
  /** Seed spec name (file name without `.json`, e.g. `demo`) → spec. */
  seed: Record<string, SeedSpec>;
  /** Locale → key → text, from `i18n/zh-CN.json` and `i18n/en.json`. */
  i18n: Partial<Record<Locale, Record<string, string>>>;
  /** Index in `app.documents` → the file it came from (to name files in later errors). */
  sources: string[];
}

export interface LoadPackOptions {
  /** Engine version checked against `pack.json` `engine`; defaults to this engine. */
  engineVersion?: string;
  /** Extra whole-app validation (e.g. `validateAppDefinition`); paths rooted at the app are mapped to files. */
  validateApp?: (app: AppDefinition) => ErrorDetail[];
}

/**
 * Reads a pack from its files (relative path → contents; the caller does the I/O, so this stays pure
 * and browser-safe). Throws `LATTICE_ERR_PACK` listing every problem, each path naming the file and
 * the JSON path inside it, e.g. `entities/customer.json:fields.3.type`.
 *
 * @example
 * const pack = loadPackFromFiles({ 'pack.json': '…', 'app.json': '…', 'entities/customer.json': '…' });
 * pack.app.documents.length; // every entity, form, view … of the pack
 */
export function loadPackFromFiles(files: Record<string, string>, options: LoadPackOptions = {}): LoadedPack {
  const errors: ErrorDetail[] = [];
  const fail = (path: string, en: string, zh: string) =>
    errors.push({ path, message: { zh, en }, reason: 'LATTICE_ERR_PACK' });
  const parsed = new Map<string, unknown>();
  for (const path of Object.keys(files).sort()) {
    if (!path.endsWith('.json')) continue;
    try {
      parsed.set(path, JSON.parse(files[path]!));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      fail(path, `invalid JSON: ${why}`, `JSON 格式错误：${why}`);
    }
  }
  const manifest = readManifest(parsed, options.engineVersion ?? ENGINE_VERSION, errors, fail);
  const appMeta = readAppMeta(parsed.get('app.json'), fail);
  const documents: AppDocument[] = [];
  const sources: string[] = [];
  const seed: Record<string, SeedSpec> = {};
  const i18n: LoadedPack['i18n'] = {};
  for (const [path, value] of parsed) {
    if (path === 'pack.json' || path === 'app.json' || isToolingFile(path)) continue;
    const [folder, ...rest] = path.split('/');
    const name = rest.join('/').replace(/\.json$/, '');
    if (folder && PACK_DOCUMENT_FOLDERS[folder] && rest.length > 0) {
      const kind = PACK_DOCUMENT_FOLDERS[folder];
      if (!isObject(value) || value.kind !== kind) {
        fail(
          `${path}:kind`,
          `expected a document of kind "${kind}" in ${folder}/`,
          `${folder}/ 中的文档 kind 应为 ${kind}`,
        );
        continue;
      }
      documents.push(value as unknown as AppDocument);
      sources.push(path);
    } else if (folder === 'seed' && rest.length > 0) {
      if (!isObject(value) || !Array.isArray(value.entities))
        fail(`${path}:entities`, 'a seed spec needs an entities array', '种子规格需要 entities 数组');
      else seed[name] = value as unknown as SeedSpec;
    } else if (folder === 'i18n' && (name === 'zh-CN' || name === 'en')) {
      if (!isStringMap(value)) fail(path, 'i18n files map keys to strings', 'i18n 文件应为 键→文本');
      else i18n[name] = value;
    } else {
      fail(
        path,
        `unexpected file; documents live in ${Object.keys(PACK_DOCUMENT_FOLDERS).join(', ')}, seed, i18n`,
        '无法识别的文件',
      );
    }
  }
  const app: AppDefinition = { ...appMeta, documents };
  if (errors.length === 0) {
    const appErrors = [...checkAppReferences(app), ...(options.validateApp?.(app) ?? [])];
    errors.push(...dedupe(appErrors).map((d) => ({ ...d, path: mapToFile(d.path, sources) })));
    if (manifest) errors.push(...checkReferenceSeed(manifest, seed, app));
  }
  if (errors.length > 0 || !manifest) throw new LatticeError('LATTICE_ERR_PACK', errors);
  return { manifest, app, seed, i18n, sources };
}

type Fail = (path: string, en: string, zh: string) => void;

function readManifest(
  parsed: Map<string, unknown>,
  engineVersion: string,
  errors: ErrorDetail[],
  fail: Fail,
) {
  const raw = parsed.get('pack.json');
  if (raw === undefined) {
    fail('pack.json', 'pack.json is missing', '缺少 pack.json');
    return undefined;
  }
  const problems = validatePackManifest(raw);
  errors.push(...problems.map((d) => ({ ...d, path: `pack.json:${d.path}` })));
  if (problems.length > 0) return undefined;
  const manifest = raw as PackManifest;
  if (!satisfiesEngineRange(manifest.engine, engineVersion)) {
    fail(
      'pack.json:engine',
      `engine ${engineVersion} does not satisfy "${manifest.engine}"`,
      `引擎版本 ${engineVersion} 不满足 "${manifest.engine}"`,
    );
  }
  return manifest;
}

function readAppMeta(raw: unknown, fail: Fail): Omit<AppDefinition, 'documents'> {
  const fallback = { id: 'app', label: { zh: '', en: '' }, schemaVersion: 1 };
  if (!isObject(raw)) {
    fail('app.json', 'app.json is missing or not an object', '缺少 app.json');
    return fallback;
  }
  if (typeof raw.id !== 'string' || !new RegExp(APP_ID_PATTERN).test(raw.id))
    fail('app.json:id', `app id must match ${APP_ID_PATTERN}`, '应用 id 格式不正确');
  if (!isText(raw.label)) fail('app.json:label', 'label must be { zh, en }', 'label 应为 { zh, en }');
  return {
    id: String(raw.id),
    label: raw.label as I18nText,
    ...(isText(raw.description) ? { description: raw.description } : {}),
    schemaVersion: typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 1,
  };
}

/** `documents.3.fields.2.type` → `entities/customer.json:fields.2.type`. */
function mapToFile(path: string, sources: string[]): string {
  const m = /^documents\.(\d+)(?:\.(.*))?$/.exec(path);
  const file = m ? sources[Number(m[1])] : undefined;
  if (!m || !file) return path ? `app.json:${path}` : 'app.json';
  return m[2] ? `${file}:${m[2]}` : file;
}

function dedupe(details: ErrorDetail[]): ErrorDetail[] {
  const seen = new Set<string>();
  return details.filter((d) => {
    const key = `${d.path}|${d.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** npm/TypeScript files sit beside a pack in the monorepo; they are not pack content. */
function isToolingFile(path: string): boolean {
  const first = path.split('/')[0]!;
  return (
    path === 'package.json' || path === 'tsconfig.json' || first === 'node_modules' || first.startsWith('.')
  );
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isText(v: unknown): v is I18nText {
  return isObject(v) && typeof v.zh === 'string' && typeof v.en === 'string';
}

function isStringMap(v: unknown): v is Record<string, string> {
  return isObject(v) && Object.values(v).every((s) => typeof s === 'string');
}
