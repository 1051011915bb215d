import { LatticeError } from '../errors';
import type { PackManifest } from './pack-manifest';
import { sha256Hex } from './sha256-hex';
import { validatePackManifest } from './validate-pack-manifest';

/** The single-file form of a pack (`lattice pack build`): manifest, every file, and a content hash. */
export interface PackBundle {
  format: 'lattice-pack';
  formatVersion: 1;
  manifest: PackManifest;
  /** `sha256:<hex>` over the canonical file list; {@link readPackBundle} refuses a bundle that was altered. */
  hash: string;
  files: Record<string, string>;
}

/**
 * The content hash of a pack's files (`sha256:<hex>` over the files sorted by path, each as
 * `path\0contents\0`) — the same hash a bundle of these files carries.
 */
export function packContentHash(files: Record<string, string>): string {
  const canonical = Object.keys(files)
    .sort()
    .map((p) => `${p}\u0000${files[p]}\u0000`)
    .join('');
  return `sha256:${sha256Hex(canonical)}`;
}

/**
 * Packs a pack's files (relative path → contents, including `pack.json`) into one JSON text.
 * Deterministic: the same files always give the same bundle and hash.
 *
 * @example
 * const text = buildPackBundle(files); // write to mfg-crm-0.1.0.lattice-pack.json
 */
export function buildPackBundle(files: Record<string, string>): string {
  const manifest = parseManifest(files['pack.json']);
  const sorted: Record<string, string> = {};
  for (const p of Object.keys(files).sort()) sorted[p] = files[p]!;
  const bundle: PackBundle = {
    format: 'lattice-pack',
    formatVersion: 1,
    manifest,
    hash: packContentHash(sorted),
    files: sorted,
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/**
 * Reads a bundle written by {@link buildPackBundle}; verifies its format and hash. Pass the returned
 * `files` to `loadPackFromFiles`. Throws `LATTICE_ERR_PACK` on a corrupt or altered bundle.
 */
export function readPackBundle(text: string): PackBundle {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw packError('', 'the bundle is not JSON', '模板包文件不是有效的 JSON');
  }
  const b = raw as Partial<PackBundle>;
  if (
    b.format !== 'lattice-pack' ||
    b.formatVersion !== 1 ||
    typeof b.files !== 'object' ||
    b.files === null
  ) {
    throw packError('format', 'not a lattice-pack bundle (format 1)', '不是 Lattice 模板包文件');
  }
  const files = b.files as Record<string, string>;
  if (Object.values(files).some((v) => typeof v !== 'string')) {
    throw packError('files', 'every file must be text', '模板包中的文件必须是文本');
  }
  if (b.hash !== packContentHash(files)) {
    throw packError(
      'hash',
      'content hash mismatch: the bundle was altered or truncated',
      '模板包校验失败，文件可能被篡改或损坏',
    );
  }
  return {
    format: 'lattice-pack',
    formatVersion: 1,
    manifest: parseManifest(files['pack.json']),
    hash: b.hash,
    files,
  };
}

function parseManifest(text: string | undefined): PackManifest {
  if (text === undefined) throw packError('pack.json', 'pack.json is missing', '缺少 pack.json');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw packError('pack.json', 'pack.json is not JSON', 'pack.json 不是有效的 JSON');
  }
  const errors = validatePackManifest(raw);
  if (errors.length > 0) {
    throw new LatticeError(
      'LATTICE_ERR_PACK',
      errors.map((d) => ({ ...d, path: `pack.json:${d.path}` })),
    );
  }
  return raw as PackManifest;
}

function packError(path: string, en: string, zh: string): LatticeError {
  return new LatticeError('LATTICE_ERR_PACK', [{ path, message: { zh, en }, reason: 'LATTICE_ERR_PACK' }]);
}
