import type { EntityDoc } from '../../model/entity';
import { toApiRecord } from '../../records/to-api-record';
import type { RecordData } from '../contracts';

/** A DB row (columns; rollups aliased by field id) → the API record keyed by field names. */
export function toRecord(entity: EntityDoc, row: Record<string, unknown>): RecordData {
  return toApiRecord(entity, row) as RecordData;
}

/** Field-name view of a record (no system fields) used by formulas and coercion of updates. */
export function recordValues(entity: EntityDoc, rec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of entity.fields) out[f.name] = rec[f.name] ?? null;
  return out;
}
