import type { AppDefinition } from '../model/app';
import type { Locale } from '../model/i18n-text';
import type { SeedSpec } from '../seed/seed-spec';
import { packFolderOf } from './pack-folders';
import type { PackManifest } from './pack-manifest';

/** Optional extras written beside the documents by {@link exportAppAsPack}. */
export interface ExportPackExtras {
  seed?: Record<string, SeedSpec>;
  i18n?: Partial<Record<Locale, Record<string, string>>>;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/**
 * Turns an app (e.g. one built in the studio) into pack files — the inverse of `loadPackFromFiles`:
 * `pack.json`, `app.json` and one file per document in its kind's folder (`entities/customer.json`).
 *
 * @example
 * const files = exportAppAsPack(liveApp, { id: 'my-crm', name, version: '0.1.0', engine: '>=0.1.0 <1.0.0' });
 * const bundle = buildPackBundle(files);
 */
export function exportAppAsPack(
  app: AppDefinition,
  manifest: PackManifest,
  extras: ExportPackExtras = {},
): Record<string, string> {
  const { documents, ...meta } = app;
  const files: Record<string, string> = { 'pack.json': json(manifest), 'app.json': json(meta) };
  for (const doc of documents) files[`${packFolderOf(doc.kind)}/${doc.name}.json`] = json(doc);
  for (const [name, spec] of Object.entries(extras.seed ?? {})) files[`seed/${name}.json`] = json(spec);
  for (const [locale, strings] of Object.entries(extras.i18n ?? {}))
    files[`i18n/${locale}.json`] = json(strings);
  return files;
}
