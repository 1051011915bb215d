import type { SeedSpec } from '../seed/seed-spec';

/**
 * The natural key of a reference record: its values of the block's `key` fields, as one comparable
 * string. Values are compared as text, so `7` from a seed file and `7` read back from an integer column
 * give the same key; empty values are `null`.
 *
 * @example
 * referenceRecordKey(['stage', 'task_type'], { stage: 'new', task_type: 'training' }); // '["new","training"]'
 */
export function referenceRecordKey(key: readonly string[], record: Record<string, unknown>): string {
  return JSON.stringify(
    key.map((f) => (record[f] === undefined || record[f] === null ? null : String(record[f]))),
  );
}

/**
 * Entity name → keys of the literal records a reference seed spec lists (blocks without a `key` are
 * ignored). An upgrade uses the previous version's keys to tell records the user removed (in the old
 * version, gone from the app: stay gone) from records the new version adds.
 */
export function referenceSeedKeys(spec: SeedSpec | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const block of spec?.entities ?? []) {
    if (!block.key || !block.records) continue;
    const keys = out.get(block.entity) ?? new Set<string>();
    for (const r of block.records) keys.add(referenceRecordKey(block.key, r));
    out.set(block.entity, keys);
  }
  return out;
}
