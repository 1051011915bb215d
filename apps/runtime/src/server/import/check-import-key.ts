import type { EntityDoc } from '@lattice/engine';
import { importFileError } from './import-file-error';

/** An upsert key must be one unique field or one of the entity's unique keys (else upserts could match many rows). */
export function checkImportKey(entity: EntityDoc, key: readonly string[]): void {
  const groups = [
    ...entity.fields.filter((f) => f.unique).map((f) => [f.name]),
    ...(entity.uniqueKeys ?? []),
  ].map((g) => [...g].sort().join('+'));
  if (key.length && groups.includes([...key].sort().join('+'))) return;
  throw importFileError(
    `更新键 ${key.join('+') || '(空)'} 不是唯一字段或唯一键（可选：${groups.join('、') || '无'}）`,
    `The upsert key ${key.join('+') || '(none)'} is not a unique field or key (choose from: ${groups.join(', ') || 'none'})`,
    'key',
  );
}
