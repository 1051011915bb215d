import type { EntityDoc } from '../../model/entity';
import type { RecordData } from '../contracts';
import { storageColumnType } from '../ddl/storage-column-type';

const SYSTEM_OUT = [
  'id',
  'version',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'owner',
  'region',
  'department',
];

/** Field-name values → column values (column = field id; jsonb serialized; scoping names pass through). */
export function toRow(entity: EntityDoc, values: Record<string, unknown>): Record<string, unknown> {
  const byName = new Map(entity.fields.map((f) => [f.name, f]));
  const row: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(values)) {
    const f = byName.get(name);
    if (!f) {
      row[name] = v;
      continue;
    }
    const type = storageColumnType(f);
    if (!type) continue;
    row[f.id] = type === 'jsonb' && v !== null && v !== undefined ? JSON.stringify(v) : v;
  }
  return row;
}

/** A DB row (columns, rollup aliases `rollup_<id>`) → the API record keyed by field names. */
export function toRecord(entity: EntityDoc, row: Record<string, unknown>): RecordData {
  const out: Record<string, unknown> = {};
  for (const k of SYSTEM_OUT) out[k] = jsonValue(row[k]);
  if (row.deleted_at) out.deleted_at = jsonValue(row.deleted_at);
  for (const f of entity.fields) {
    const key = f.type === 'rollup' ? `rollup_${f.id}` : f.id;
    const v = row[key];
    out[f.name] = f.type === 'rollup' && v !== null && v !== undefined ? Number(v) : jsonValue(v ?? null);
  }
  return out as RecordData;
}

function jsonValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  return v ?? null;
}

/** Field-name view of a record used by formulas, validations and history (API shape). */
export function recordValues(entity: EntityDoc, rec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of entity.fields) out[f.name] = rec[f.name] ?? null;
  return out;
}
