import Ajv from 'ajv';
import type { ErrorDetail } from '../errors';
import { PACK_MANIFEST_SCHEMA, type PackManifest } from './pack-manifest';

let compiled: ReturnType<Ajv['compile']> | undefined;

/**
 * Checks a parsed `pack.json` against {@link PACK_MANIFEST_SCHEMA}; returns every error with its JSON
 * path (`name.zh`, `version`), empty when valid.
 */
export function validatePackManifest(value: unknown): ErrorDetail[] {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile<PackManifest>(PACK_MANIFEST_SCHEMA);
  if (compiled(value)) return [];
  return (compiled.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? `.${String(e.params.additionalProperty)}` : '';
    const missing = e.keyword === 'required' ? `.${String(e.params.missingProperty)}` : '';
    const path = `${e.instancePath.slice(1).replace(/\//g, '.')}${extra}${missing}`.replace(/^\./, '');
    return {
      path,
      message: { zh: `pack.json 无效：${e.message ?? e.keyword}`, en: e.message ?? e.keyword },
      reason: e.keyword,
    };
  });
}
