import type { EntityDoc } from '../../model/entity';
import type { RecordData } from '../contracts';

/**
 * Adds rollup values (aliased by field id) to a row just written: copied from `from` (an update leaves
 * children untouched) or empty for a new record (no child can point at it yet).
 */
export function withRollups(
  entity: EntityDoc,
  row: Record<string, unknown>,
  from: RecordData | null,
): Record<string, unknown> {
  const out = { ...row };
  for (const f of entity.fields) {
    if (f.type !== 'rollup') continue;
    out[f.id] = from ? from[f.name] : f.aggregate === 'count' ? 0 : null;
  }
  return out;
}
