import type { ErrorDetail } from '../errors';
import type { AppDefinition } from '../model/app';
import { findEntity } from '../model/app';
import type { SeedEntitySpec, SeedSpec } from '../seed/seed-spec';
import type { PackManifest } from './pack-manifest';
import { referenceRecordKey } from './reference-record-key';

/** Field types a natural key may use: values that read back from the database exactly as written. */
const KEY_TYPES: ReadonlySet<string> = new Set(['text', 'select', 'integer']);

/**
 * Checks the pack's `referenceSeed`: it must name a seed spec of the pack, and each block of that spec
 * must list literal `records` (no generated counts) with a natural `key` of text/select/integer fields of
 * its entity, every record carrying a key no other record of the block has. Paths name the file:
 * `pack.json:referenceSeed`, `seed/reference.json:entities.0.key.1`. Empty when valid or not used.
 */
export function checkReferenceSeed(
  manifest: PackManifest,
  seed: Readonly<Record<string, SeedSpec>>,
  app: AppDefinition,
): ErrorDetail[] {
  const name = manifest.referenceSeed;
  if (name === undefined) return [];
  const spec = seed[name];
  if (!spec) {
    const has = Object.keys(seed).join(', ') || 'none';
    return [
      detail(
        'pack.json:referenceSeed',
        `reference seed "${name}" not found: add seed/${name}.json (seeds: ${has})`,
        `参考数据种子 "${name}" 不存在：请添加 seed/${name}.json`,
      ),
    ];
  }
  return spec.entities.flatMap((block, i) => checkBlock(block, `seed/${name}.json:entities.${i}`, app));
}

function checkBlock(block: SeedEntitySpec, at: string, app: AppDefinition): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (!Array.isArray(block.records) || block.count !== undefined || block.perParent !== undefined) {
    errors.push(
      detail(
        `${at}.records`,
        'reference data lists literal records only (no count or perParent)',
        '参考数据只能列出具体记录（不能用 count 或 perParent 生成）',
      ),
    );
  }
  const entity = findEntity(app, block.entity);
  if (!entity) {
    errors.push(detail(`${at}.entity`, `unknown entity "${block.entity}"`, `未知实体 "${block.entity}"`));
    return errors;
  }
  const key = block.key;
  if (!Array.isArray(key) || key.length === 0 || !key.every((f) => typeof f === 'string')) {
    errors.push(
      detail(
        `${at}.key`,
        'reference data needs a natural key: field names identifying a record across versions',
        '参考数据需要自然键（跨版本识别记录的字段名列表）',
      ),
    );
    return errors;
  }
  key.forEach((f, j) => {
    const field = entity.fields.find((x) => x.name === f);
    if (!field || !KEY_TYPES.has(field.type)) {
      errors.push(
        detail(
          `${at}.key.${j}`,
          `"${f}" is not a text, select or integer field of ${entity.name}`,
          `"${f}" 不是 ${entity.name} 的文本、单选或整数字段`,
        ),
      );
    }
  });
  if (errors.length > 0 || !Array.isArray(block.records)) return errors;
  const seen = new Map<string, number>();
  block.records.forEach((record, k) => {
    const missing = key.find((f) => record[f] === undefined || record[f] === null || record[f] === '');
    if (missing) {
      errors.push(detail(`${at}.records.${k}.${missing}`, 'key field is empty', '自然键字段为空'));
      return;
    }
    const id = referenceRecordKey(key, record);
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push(
        detail(
          `${at}.records.${k}`,
          `same key ${id} as records.${first}`,
          `与 records.${first} 的自然键 ${id} 重复`,
        ),
      );
    } else seen.set(id, k);
  });
  return errors;
}

function detail(path: string, en: string, zh: string): ErrorDetail {
  return { path, message: { zh, en }, reason: 'LATTICE_ERR_PACK' };
}
