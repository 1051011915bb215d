import type { EntityDoc } from '@lattice/engine';

const SYSTEM_KEYS = new Set([
  'id',
  'version',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'deleted_at',
]);

/** Only the values the user changed (PATCH sends a diff, so concurrent edits of other fields survive). */
export function changedValues(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    if (SYSTEM_KEYS.has(k)) continue;
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null)) out[k] = v ?? null;
  }
  return out;
}

/** Field values named in a query string (unknown names and computed fields are ignored). */
export function prefillFromQuery(entity: EntityDoc, query: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of query) {
    const field = entity.fields.find((f) => f.name === name);
    if (!field || field.readonly || ['formula', 'rollup', 'autonumber'].includes(field.type)) continue;
    out[name] = value;
  }
  return out;
}
